import { createFileRoute } from "@tanstack/react-router";
import {
  codeBlockFacetsQueryOptions,
  codeBlocksListQueryOptions,
} from "@/features/code-blocks/api";
import { LibraryPage } from "@/features/code-blocks/components/LibraryPage";
import {
  filtersToSearch,
  libraryQueryFrom,
  librarySearchSchema,
} from "@/features/code-blocks/search";
import { rememberedView, rememberView } from "@/features/code-blocks/view-preference";

export const Route = createFileRoute("/_layout/library/")({
  validateSearch: librarySearchSchema,
  loaderDeps: ({ search }) => libraryQueryFrom(search),
  // Start the requests without blocking navigation: the page keeps the previous results on
  // screen (dimmed) while the next ones load, and shows skeletons on a first visit.
  loader: ({ context, deps }) => {
    void context.queryClient.prefetchQuery(codeBlocksListQueryOptions(deps));
    void context.queryClient.prefetchQuery(codeBlockFacetsQueryOptions());
  },
  head: () => ({ meta: [{ title: "Code library · Red Panda" }] }),
  component: LibraryRoute,
});

function LibraryRoute() {
  const query = Route.useLoaderDeps();
  const { view = rememberedView() } = Route.useSearch();
  const navigate = Route.useNavigate();

  return (
    <LibraryPage
      query={query}
      view={view}
      onSearch={(q) =>
        navigate({
          // A new search ranks by relevance again; paging starts over.
          search: (prev) => ({ ...prev, q: q || undefined, sort: undefined, page: undefined }),
          replace: true,
        })
      }
      onMatchChange={(match) =>
        navigate({
          search: (prev) => ({
            ...prev,
            match: match === "any" ? undefined : match,
            page: undefined,
          }),
          replace: true,
        })
      }
      onFiltersChange={(filters) =>
        navigate({ search: (prev) => ({ ...prev, ...filtersToSearch(filters), page: undefined }) })
      }
      onSortChange={(sort) =>
        navigate({
          search: (prev) => ({ ...prev, sort, page: undefined }),
          replace: true,
        })
      }
      onViewChange={(next) => {
        rememberView(next);
        navigate({ search: (prev) => ({ ...prev, view: next }), replace: true });
      }}
      onPageChange={(page) =>
        navigate({ search: (prev) => ({ ...prev, page: page === 1 ? undefined : page }) })
      }
      onOpen={(blockId) => navigate({ to: "/library/$blockId", params: { blockId } })}
      onClearAll={() => navigate({ search: (prev) => ({ view: prev.view }) })}
    />
  );
}
