import { Box, Button, Input, InputGroup, Spinner, Stack } from "@chakra-ui/react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { LuSearch, LuSquarePen } from "react-icons/lu";
import type { ConversationSummary } from "@/client";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { conversationsListQueryOptions } from "../api";
import { ConversationList } from "./ConversationList";
import { DeleteConversationDialog } from "./DeleteConversationDialog";
import { RenameConversationDialog } from "./RenameConversationDialog";

const SEARCH_DEBOUNCE_MS = 300;

type ConversationSidebarProps = {
  onNewChat: () => void;
  /** Called after a conversation link is followed, e.g. to close the mobile drawer. */
  onNavigate?: () => void;
  /** Runs once a conversation is deleted, before the lists refresh (e.g. leave its page). */
  onDeleted: (conversationId: string) => void | Promise<void>;
};

type DialogState =
  | { kind: "closed" }
  | { kind: "rename"; conversation: ConversationSummary }
  | { kind: "delete"; conversation: ConversationSummary };

/** New chat, search, and the conversations, newest first. */
export function ConversationSidebar({
  onNewChat,
  onNavigate,
  onDeleted,
}: ConversationSidebarProps) {
  const [text, setText] = useState("");
  const q = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  const list = useInfiniteQuery(conversationsListQueryOptions(q));
  const [dialog, setDialog] = useState<DialogState>({ kind: "closed" });
  const closeDialog = () => setDialog({ kind: "closed" });
  const searching = list.isPlaceholderData || (text.trim() !== q && text.trim() !== "");

  return (
    <Stack h="full" gap="0" minH="0">
      <Stack p="3" gap="3">
        <Button colorPalette="brand" onClick={onNewChat} justifyContent="flex-start">
          <LuSquarePen aria-hidden />
          New chat
        </Button>
        <InputGroup
          startElement={<LuSearch aria-hidden />}
          endElement={
            searching ? <Spinner size="xs" color="fg.muted" aria-label="Searching" /> : null
          }
        >
          <Input
            size="sm"
            type="search"
            aria-label="Search conversations"
            placeholder="Search conversations"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </InputGroup>
      </Stack>
      <Box as="nav" aria-label="Conversations" flex="1" minH="0" overflowY="auto" px="2" pb="4">
        <ConversationList
          conversations={list.data?.pages.flatMap((page) => page.data)}
          q={q}
          error={list.error}
          hasMore={list.hasNextPage}
          loadingMore={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
          onNavigate={onNavigate}
          onRename={(conversation) => setDialog({ kind: "rename", conversation })}
          onDelete={(conversation) => setDialog({ kind: "delete", conversation })}
        />
      </Box>
      <RenameConversationDialog
        conversation={dialog.kind === "rename" ? dialog.conversation : null}
        onClose={closeDialog}
      />
      <DeleteConversationDialog
        conversation={dialog.kind === "delete" ? dialog.conversation : null}
        onClose={closeDialog}
        onDeleted={onDeleted}
      />
    </Stack>
  );
}
