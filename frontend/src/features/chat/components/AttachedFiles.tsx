import { HStack, IconButton, Spinner, Text } from "@chakra-ui/react";
import { LuFileSpreadsheet, LuX } from "react-icons/lu";
import type { FileSummary } from "@/client";
import { formatCount } from "@/lib/format";

type AttachedFilesProps = {
  files: FileSummary[];
  onRemove: (file: FileSummary) => void;
  /** The file being detached right now, if any. */
  removingId?: string | null;
  disabled?: boolean;
};

/** The files the questions are about, as removable chips above the text box. */
export function AttachedFiles({ files, onRemove, removingId, disabled }: AttachedFilesProps) {
  if (files.length === 0) return null;
  return (
    <HStack
      as="ul"
      aria-label="Attached files"
      listStyleType="none"
      wrap="wrap"
      gap="2"
      px="3"
      pt="3"
    >
      {files.map((file) => (
        <HStack
          as="li"
          key={file.id}
          gap="2"
          ps="2.5"
          pe="1"
          py="1"
          maxW="full"
          rounded="lg"
          borderWidth="1px"
          bg="bg.subtle"
        >
          <LuFileSpreadsheet aria-hidden color="var(--chakra-colors-brand-fg)" />
          <Text
            textStyle="sm"
            fontWeight="medium"
            truncate
            maxW={{ base: "40", md: "60" }}
            title={file.filename}
          >
            {file.filename}
          </Text>
          <Text
            textStyle="xs"
            color="fg.muted"
            flexShrink={0}
            display={{ base: "none", sm: "block" }}
          >
            {formatCount(file.row_count, "row", "rows")}
          </Text>
          <IconButton
            size="2xs"
            variant="ghost"
            rounded="md"
            aria-label={`Remove ${file.filename}`}
            title="Remove from this conversation (the file stays in Files)"
            onClick={() => onRemove(file)}
            disabled={disabled || removingId === file.id}
          >
            {removingId === file.id ? <Spinner size="xs" /> : <LuX />}
          </IconButton>
        </HStack>
      ))}
    </HStack>
  );
}
