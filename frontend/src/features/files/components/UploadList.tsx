import { Badge, Button, Flex, Heading, HStack, Stack, Text } from "@chakra-ui/react";
import { isActive, type Upload } from "../upload-queue";
import { UploadRow } from "./UploadRow";

type UploadListProps = {
  uploads: Upload[];
  onCancel: (id: string) => void;
  onRetry: (id: string) => void;
  onDismiss: (id: string) => void;
  onClearFinished: () => void;
};

export function UploadList({
  uploads,
  onCancel,
  onRetry,
  onDismiss,
  onClearFinished,
}: UploadListProps) {
  if (uploads.length === 0) return null;
  const active = uploads.filter(isActive);
  const hasFinished = active.length < uploads.length;

  return (
    <Stack as="section" aria-labelledby="uploads-heading" gap="3">
      <Flex align="center" justify="space-between" gap="3">
        <HStack gap="2">
          <Heading as="h2" size="sm" id="uploads-heading">
            Uploads
          </Heading>
          {active.length > 0 && (
            <Badge colorPalette="brand" variant="subtle" aria-hidden>
              {active.length} in progress
            </Badge>
          )}
          {/* One calm announcement instead of every progress step. */}
          <Text srOnly aria-live="polite">
            {active.length > 0
              ? `${active.length} ${active.length === 1 ? "upload" : "uploads"} in progress`
              : "All uploads finished"}
          </Text>
        </HStack>
        {hasFinished && (
          <Button size="xs" variant="ghost" onClick={onClearFinished}>
            Clear finished
          </Button>
        )}
      </Flex>
      <Stack as="ul" gap="2" aria-label="Uploads">
        {uploads.map((upload) => (
          <UploadRow
            key={upload.id}
            upload={upload}
            onCancel={() => onCancel(upload.id)}
            onRetry={() => onRetry(upload.id)}
            onDismiss={() => onDismiss(upload.id)}
          />
        ))}
      </Stack>
    </Stack>
  );
}
