import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute, Outlet, redirect } from "@tanstack/react-router";
import { AppShell } from "@/components/layout/AppShell";
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

function LayoutComponent() {
  const { data: user } = useSuspenseQuery(currentUserQueryOptions());
  const logout = useLogout();

  return (
    <AppShell
      user={{ email: user.email, fullName: user.full_name ?? null, isSuperuser: user.is_superuser }}
      onLogout={logout}
    >
      <Outlet />
    </AppShell>
  );
}
