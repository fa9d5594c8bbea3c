import { toaster } from "@/components/ui/toaster";
import { getErrorMessage } from "@/lib/api-error";
import { useExportConversation } from "./api";

/** Downloads a chat's blocks as one notebook, and says so when that fails. */
export function useExportConversationNotebook() {
  const exportConversation = useExportConversation();
  return {
    run: (conversationId: string) =>
      exportConversation.mutate(conversationId, {
        onError: (error) =>
          toaster.error({
            title: "Could not export the chat",
            description: getErrorMessage(error, "The download did not finish. Try again."),
          }),
      }),
    pending: exportConversation.isPending,
  };
}
