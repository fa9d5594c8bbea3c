import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { currentUserQueryOptions } from "@/features/auth/api";
import { filesListQueryOptions } from "@/features/files/api";
import { FilesPage } from "@/features/files/components/FilesPage";
import { DEFAULT_ORDER, filesSearchSchema } from "@/features/files/search";

export const Route = createFileRoute("/_layout/files/")({
  validateSearch: filesSearchSchema,
  loaderDeps: ({ search }) => {
    const sort = search.sort ?? "uploaded_at";
    return {
      page: search.page ?? 1,
      q: search.q ?? "",
      sort,
      order: search.order ?? DEFAULT_ORDER[sort],
    };
  },
  // Start the request without blocking navigation: the page keeps the previous result on screen
  // (dimmed) while the next one loads, and shows skeletons on a first visit.
  loader: ({ context, deps }) => {
    void context.queryClient.prefetchQuery(filesListQueryOptions(deps));
  },
  head: () => ({ meta: [{ title: "Files · Red Panda" }] }),
  component: FilesRoute,
});

function FilesRoute() {
  const { page, q, sort, order } = Route.useLoaderDeps();
  const navigate = Route.useNavigate();
  const { data: me } = useSuspenseQuery(currentUserQueryOptions());

  return (
    <FilesPage
      ownerId={me.id}
      page={page}
      q={q}
      sort={sort}
      order={order}
      onSearch={(next) =>
        navigate({
          search: (prev) => ({ ...prev, q: next || undefined, page: undefined }),
          replace: true,
        })
      }
      onPageChange={(next) =>
        navigate({ search: (prev) => ({ ...prev, page: next === 1 ? undefined : next }) })
      }
      onSortChange={(nextSort, nextOrder) =>
        navigate({
          search: (prev) => ({
            ...prev,
            // The default order (newest first) keeps the address short.
            sort: nextSort === "uploaded_at" ? undefined : nextSort,
            order: nextOrder === DEFAULT_ORDER[nextSort] ? undefined : nextOrder,
            page: undefined,
          }),
          replace: true,
        })
      }
    />
  );
}
