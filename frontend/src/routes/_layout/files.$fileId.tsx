import { createFileRoute, useRouter } from "@tanstack/react-router";
import { filePreviewQueryOptions, fileQueryOptions } from "@/features/files/api";
import { FileDetailPage } from "@/features/files/components/FileDetailPage";
import { FileDetailSkeleton } from "@/features/files/components/FileDetailStates";
import {
  DEFAULT_PREVIEW_PAGE_SIZE,
  fileDetailSearchSchema,
  pageKeepingFirstRow,
} from "@/features/files/search";

export const Route = createFileRoute("/_layout/files/$fileId")({
  validateSearch: fileDetailSearchSchema,
  loaderDeps: ({ search }) => ({
    tab: search.tab ?? "columns",
    page: search.page ?? 1,
    pageSize: search.size ?? DEFAULT_PREVIEW_PAGE_SIZE,
  }),
  // Wait for the file (hovering a link already fetched it) so the tab title can name it; a missing
  // file is not an error here: the page itself says so.
  loader: async ({ context, params, deps }) => {
    const { queryClient } = context;
    if (deps.tab === "preview") {
      void queryClient.prefetchQuery(
        filePreviewQueryOptions({
          fileId: params.fileId,
          page: deps.page,
          pageSize: deps.pageSize,
        }),
      );
    }
    const file = await queryClient
      .ensureQueryData(fileQueryOptions(params.fileId))
      .catch(() => null);
    return { filename: file?.filename ?? null };
  },
  pendingComponent: FileDetailSkeleton,
  head: ({ loaderData }) => ({
    meta: [{ title: `${loaderData?.filename ?? "File"} · Red Panda` }],
  }),
  component: FileDetailRoute,
});

function FileDetailRoute() {
  const { fileId } = Route.useParams();
  const { tab, page, pageSize } = Route.useLoaderDeps();
  const navigate = Route.useNavigate();
  const router = useRouter();

  return (
    <FileDetailPage
      fileId={fileId}
      tab={tab}
      previewPage={page}
      previewPageSize={pageSize}
      onTabChange={(next) =>
        navigate({
          search: (prev) => ({ ...prev, tab: next === "columns" ? undefined : next }),
          replace: true,
        })
      }
      onPreviewPageChange={(next) =>
        navigate({ search: (prev) => ({ ...prev, page: next === 1 ? undefined : next }) })
      }
      onPreviewPageSizeChange={(size) =>
        navigate({
          search: (prev) => ({
            ...prev,
            size: size === DEFAULT_PREVIEW_PAGE_SIZE ? undefined : size,
            page: pageKeepingFirstRow(page, pageSize, size),
          }),
          replace: true,
        })
      }
      // The tab title names the file: read it again.
      onRenamed={() => void router.invalidate()}
      onDeleted={() => navigate({ to: "/files" })}
    />
  );
}
