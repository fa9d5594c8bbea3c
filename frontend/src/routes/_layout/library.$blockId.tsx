import { createFileRoute, useRouter } from "@tanstack/react-router";
import { codeBlockQueryOptions, codeBlockVersionsQueryOptions } from "@/features/code-blocks/api";
import { BlockDetailPage } from "@/features/code-blocks/components/BlockDetailPage";
import { BlockDetailSkeleton } from "@/features/code-blocks/components/BlockDetailStates";
import { blockDetailSearchSchema } from "@/features/code-blocks/search";

export const Route = createFileRoute("/_layout/library/$blockId")({
  validateSearch: blockDetailSearchSchema,
  loaderDeps: ({ search }) => ({ tab: search.tab ?? "code" }),
  // Wait for the block (hovering a link already fetched it) so the tab title can name it; a
  // missing block is not an error here: the page itself says so.
  loader: async ({ context, params, deps }) => {
    const { queryClient } = context;
    if (deps.tab === "history") {
      void queryClient.prefetchQuery(codeBlockVersionsQueryOptions(params.blockId));
    }
    const block = await queryClient
      .ensureQueryData(codeBlockQueryOptions(params.blockId))
      .catch(() => null);
    return { title: block?.title ?? null };
  },
  pendingComponent: BlockDetailSkeleton,
  head: ({ loaderData }) => ({
    meta: [{ title: `${loaderData?.title ?? "Code block"} · Red Panda` }],
  }),
  component: BlockDetailRoute,
});

function BlockDetailRoute() {
  const { blockId } = Route.useParams();
  const { tab = "code", from, to, diff = "unified" } = Route.useSearch();
  const navigate = Route.useNavigate();
  const router = useRouter();

  return (
    <BlockDetailPage
      // A fresh page per version: its edits in progress belong to the version they started on.
      key={blockId}
      blockId={blockId}
      tab={tab}
      from={from}
      to={to}
      diffMode={diff}
      onTabChange={(next) =>
        navigate({
          search: (prev) => ({ ...prev, tab: next === "code" ? undefined : next }),
          replace: true,
        })
      }
      onCompareChange={(change) =>
        navigate({
          search: (prev) => ({
            ...prev,
            from: change.from ?? prev.from,
            to: change.to ?? prev.to,
            diff: change.mode ? (change.mode === "unified" ? undefined : change.mode) : prev.diff,
          }),
          replace: true,
        })
      }
      onShowVersion={(id) =>
        navigate({ to: "/library/$blockId", params: { blockId: id }, search: {} })
      }
      // The tab title names the block: read it again.
      onRenamed={() => void router.invalidate()}
      onDeleted={() => navigate({ to: "/library" })}
      onTagClick={(tag) => navigate({ to: "/library", search: { tag: [tag] } })}
    />
  );
}
