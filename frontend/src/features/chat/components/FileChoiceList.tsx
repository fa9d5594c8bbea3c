import { Box, Center, HStack, Skeleton, Spinner, Stack, Text } from "@chakra-ui/react";
import { LuCheck, LuFileSpreadsheet } from "react-icons/lu";
import type { FileSummary } from "@/client";
import { formatBytes, formatCount, formatRelativeTime } from "@/lib/format";

type FileChoiceListProps = {
  files: FileSummary[] | undefined;
  attachedIds: ReadonlySet<string>;
  pendingId: string | null;
  onToggle: (file: FileSummary) => void;
  q: string;
};

/** The user's files; pressing one attaches it, pressing it again takes it off. */
export function FileChoiceList({
  files,
  attachedIds,
  pendingId,
  onToggle,
  q,
}: FileChoiceListProps) {
  if (!files) {
    return (
      <Stack gap="2">
        {[0, 1, 2].map((row) => (
          <Skeleton key={row} h="14" rounded="lg" />
        ))}
      </Stack>
    );
  }
  if (files.length === 0) {
    return (
      <Center py="8" px="4" borderWidth="1px" borderStyle="dashed" rounded="lg">
        <Text color="fg.muted" textAlign="center" textStyle="sm">
          {q ? `No file name contains “${q}”.` : "No files yet. Upload a CSV file to start."}
        </Text>
      </Center>
    );
  }
  return (
    <Stack as="ul" gap="1.5" listStyleType="none" aria-label="Your files">
      {files.map((file) => {
        const attached = attachedIds.has(file.id);
        return (
          <li key={file.id}>
            <HStack
              asChild
              w="full"
              textAlign="start"
              gap="3"
              px="3"
              py="2.5"
              rounded="lg"
              borderWidth="1px"
              borderColor={attached ? "brand.border" : "border"}
              bg={attached ? "brand.subtle" : "bg"}
              _hover={{ bg: attached ? "brand.subtle" : "bg.muted" }}
              focusVisibleRing="outside"
              cursor={pendingId !== null ? "progress" : "pointer"}
            >
              <button
                type="button"
                aria-pressed={attached}
                disabled={pendingId !== null}
                onClick={() => onToggle(file)}
              >
                <Box color="brand.fg" flexShrink={0}>
                  <LuFileSpreadsheet aria-hidden size="18" />
                </Box>
                <Stack gap="0" flex="1" minW="0">
                  <Text fontWeight="medium" truncate>
                    {file.filename}
                  </Text>
                  <Text textStyle="xs" color="fg.muted" truncate>
                    {formatCount(file.row_count, "row", "rows")} ·{" "}
                    {formatCount(file.column_count, "column", "columns")} ·{" "}
                    {formatBytes(file.size_bytes)} · {formatRelativeTime(file.uploaded_at)}
                  </Text>
                </Stack>
                {pendingId === file.id ? (
                  <Spinner size="sm" color="brand.solid" />
                ) : attached ? (
                  <HStack gap="1" color="brand.fg" textStyle="xs" fontWeight="semibold">
                    <LuCheck aria-hidden />
                    Attached
                  </HStack>
                ) : null}
              </button>
            </HStack>
          </li>
        );
      })}
    </Stack>
  );
}
