import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute, redirect } from "@tanstack/react-router";
import { usersListQueryOptions } from "@/features/admin/api";
import { AdminUsers } from "@/features/admin/components/AdminUsers";
import { adminSearchSchema } from "@/features/admin/search";
import { currentUserQueryOptions } from "@/features/auth/api";

export const Route = createFileRoute("/_layout/admin")({
  validateSearch: adminSearchSchema,
  beforeLoad: async ({ context }) => {
    const user = await context.queryClient.ensureQueryData(currentUserQueryOptions());
    if (!user.is_superuser) throw redirect({ to: "/", replace: true });
  },
  loaderDeps: ({ search }) => ({ page: search.page ?? 1, q: search.q ?? "" }),
  // Start the request without blocking navigation: the page keeps the previous page or search
  // result on screen (dimmed) while the next one loads, and shows skeletons on a first visit.
  loader: ({ context, deps }) => {
    void context.queryClient.prefetchQuery(usersListQueryOptions(deps));
  },
  head: () => ({ meta: [{ title: "Users · Red Panda" }] }),
  component: AdminPage,
});

function AdminPage() {
  const { page, q } = Route.useLoaderDeps();
  const navigate = Route.useNavigate();
  const { data: me } = useSuspenseQuery(currentUserQueryOptions());

  return (
    <AdminUsers
      page={page}
      q={q}
      currentUserId={me.id}
      onSearch={(next) =>
        navigate({ search: { q: next || undefined, page: undefined }, replace: true })
      }
      onPageChange={(next) =>
        navigate({ search: (prev) => ({ ...prev, page: next === 1 ? undefined : next }) })
      }
    />
  );
}
