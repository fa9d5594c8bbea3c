import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute, Outlet, redirect, useMatches } from "@tanstack/react-router";
import { AppShell } from "@/components/layout/AppShell";
import { apiKeysQueryOptions } from "@/features/api-keys/api";
import { keyStatusSummary } from "@/features/api-keys/key-status";
import { currentUserQueryOptions } from "@/features/auth/api";
import { hasErrorKind } from "@/lib/api-error";
import { clearAccessToken, hasAccessToken } from "@/lib/auth-token";
import { useLogout } from "@/lib/session";

export const Route = createFileRoute("/_layout")({
  beforeLoad: async ({ context, location }) => {
    const toLogin = () => redirect({ to: "/login", search: { redirect: location.href } });
    if (!hasAccessToken()) throw toLogin();
    try {
      await context.queryClient.ensureQueryData(currentUserQueryOptions());
    } catch (error) {
      if (hasErrorKind(error, "InactiveUser")) clearAccessToken();
      // A 401 already cleared the token (lib/api-client.ts).
      if (!hasAccessToken()) throw toLogin();
      throw error;
    }
  },
  component: LayoutComponent,
});

declare module "@tanstack/react-router" {
  interface StaticDataRouteOption {
    /** The page fills the area under the header edge to edge (the chat). */
    fullBleed?: boolean;
  }
}

function LayoutComponent() {
  const { data: user } = useSuspenseQuery(currentUserQueryOptions());
  const keys = useQuery(apiKeysQueryOptions());
  const fullBleed = useMatches({
    select: (matches) => matches.some((m) => m.staticData.fullBleed),
  });
  const logout = useLogout();

  return (
    <AppShell
      user={{ email: user.email, fullName: user.full_name ?? null, isSuperuser: user.is_superuser }}
      keyStatus={keys.data ? keyStatusSummary(keys.data.data) : null}
      fullBleed={fullBleed}
      onLogout={logout}
    >
      <Outlet />
    </AppShell>
  );
}
