import { useQueryClient } from "@tanstack/react-query";
import type { CodeBlockSummary } from "@/client";
import { toaster } from "@/components/ui/toaster";
import { getErrorMessage } from "@/lib/api-error";
import { copyText } from "@/lib/clipboard";
import { type ExportFormat, fetchCodeBlock, useExportCodeBlock } from "./api";
import { useChatWithCode } from "./use-chat-with-code";

/**
 * What a card or a row can do with its block. A summary carries a preview of the code, not all of
 * it: copying and chatting read the whole block first (from the cache when it is there).
 */
export function useBlockActions() {
  const queryClient = useQueryClient();
  const chatWithCode = useChatWithCode();
  const exportBlock = useExportCodeBlock();

  const copy = async (block: CodeBlockSummary) => {
    try {
      const detail = await fetchCodeBlock(queryClient, block.id);
      await copyText(detail.code);
      toaster.success({
        title: "Code copied",
        description: `“${block.title}” is on the clipboard.`,
      });
    } catch (error) {
      toaster.error({
        title: "Could not copy",
        description: getErrorMessage(error, "Open the block and copy it from there."),
      });
    }
  };

  const chat = async (block: CodeBlockSummary) => {
    try {
      const detail = await fetchCodeBlock(queryClient, block.id);
      await chatWithCode({
        title: detail.title,
        code: detail.code,
        language: detail.language,
        fileIds: detail.files.map((file) => file.id),
      });
    } catch (error) {
      toaster.error({ title: "Could not open a chat", description: getErrorMessage(error) });
    }
  };

  const download = (block: CodeBlockSummary, format: ExportFormat) =>
    exportBlock.mutate(
      { blockId: block.id, format },
      {
        onError: (error) =>
          toaster.error({
            title: `Could not export “${block.title}”`,
            description: getErrorMessage(error, "The download did not finish. Try again."),
          }),
      },
    );

  return {
    copy,
    chat,
    download,
    exportingId: exportBlock.isPending ? (exportBlock.variables?.blockId ?? null) : null,
  };
}
