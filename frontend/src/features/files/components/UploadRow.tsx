import {
  Alert,
  Box,
  Button,
  HStack,
  IconButton,
  Progress,
  Spinner,
  Stack,
  Text,
} from "@chakra-ui/react";
import type { ReactNode } from "react";
import { LuCircleCheck, LuCircleX, LuFileSpreadsheet, LuRotateCcw, LuX } from "react-icons/lu";
import { TextLink } from "@/components/TextLink";
import { formatBytes, formatCount } from "@/lib/format";
import { isActive, type Upload } from "../upload-queue";

type UploadRowProps = {
  upload: Upload;
  onCancel: () => void;
  onRetry: () => void;
  onDismiss: () => void;
};

function StatusIcon({ upload }: { upload: Upload }) {
  if (upload.status === "processing") return <Spinner size="sm" color="brand.solid" />;
  if (upload.status === "done") {
    return (
      <Box color="fg.success">
        <LuCircleCheck aria-hidden />
      </Box>
    );
  }
  if (upload.status === "failed") {
    return (
      <Box color="fg.error">
        <LuCircleX aria-hidden />
      </Box>
    );
  }
  return <LuFileSpreadsheet aria-hidden />;
}

function statusLine(upload: Upload): ReactNode {
  const size = formatBytes(upload.file.size);
  const percent = upload.total > 0 ? Math.floor((upload.loaded / upload.total) * 100) : 0;
  switch (upload.status) {
    case "queued":
      return `Waiting to upload · ${size}`;
    case "uploading":
      return `${formatBytes(Math.min(upload.loaded, upload.file.size))} of ${size} · ${percent}%`;
    case "processing":
      return `Uploaded ${size} · reading and profiling the file…`;
    case "done":
      return upload.result
        ? `${formatCount(upload.result.row_count, "row", "rows")} · ${formatCount(upload.result.column_count, "column", "columns")} · ${size}`
        : size;
    case "failed":
      return `Upload failed · ${size}`;
    case "cancelled":
      return `Upload cancelled · ${size}`;
  }
}

function UploadProgress({ upload }: { upload: Upload }) {
  const value =
    upload.status === "processing"
      ? null
      : upload.status === "done"
        ? 100
        : upload.total > 0
          ? Math.min(100, Math.round((upload.loaded / upload.total) * 100))
          : 0;
  return (
    <Progress.Root
      value={value}
      size="xs"
      colorPalette={upload.status === "done" ? "green" : "brand"}
    >
      <Progress.Track rounded="full" aria-label={`Upload of ${upload.file.name}`}>
        <Progress.Range />
      </Progress.Track>
    </Progress.Root>
  );
}

/** One file on its way up: name, size, progress, and what can be done about it. */
export function UploadRow({ upload, onCancel, onRetry, onDismiss }: UploadRowProps) {
  const active = isActive(upload);
  const name = upload.file.name;

  return (
    <Box as="li" listStyleType="none" bg="bg" borderWidth="1px" rounded="lg" px="4" py="2.5">
      <HStack gap="3" align="flex-start">
        <Box pt="0.5" color="fg.muted" flexShrink={0} fontSize="lg">
          <StatusIcon upload={upload} />
        </Box>
        <Stack gap="2" flex="1" minW="0">
          <HStack gap="3" justify="space-between" align="flex-start">
            <Stack gap="0.5" minW="0">
              {upload.status === "done" && upload.result ? (
                <TextLink
                  to="/files/$fileId"
                  params={{ fileId: upload.result.id }}
                  truncate
                  title={`Open ${upload.result.filename}`}
                >
                  {upload.result.filename}
                </TextLink>
              ) : (
                <Text fontWeight="medium" truncate title={name}>
                  {name}
                </Text>
              )}
              <Text textStyle="xs" color="fg.muted">
                {statusLine(upload)}
              </Text>
            </Stack>
            <HStack gap="1" flexShrink={0}>
              {active && (
                <Button size="xs" variant="ghost" aria-label="Cancel upload" onClick={onCancel}>
                  <LuX aria-hidden />
                  Cancel
                </Button>
              )}
              {(upload.status === "failed" || upload.status === "cancelled") && (
                <Button size="xs" variant="outline" onClick={onRetry}>
                  <LuRotateCcw aria-hidden />
                  Try again
                </Button>
              )}
              {!active && (
                <IconButton
                  size="xs"
                  variant="ghost"
                  aria-label={`Dismiss ${name}`}
                  onClick={onDismiss}
                >
                  <LuX />
                </IconButton>
              )}
            </HStack>
          </HStack>
          {upload.status !== "failed" && upload.status !== "cancelled" && (
            <UploadProgress upload={upload} />
          )}
          {upload.status === "failed" && (
            <Alert.Root status="error" role="alert" size="sm" variant="subtle" rounded="md">
              <Alert.Indicator />
              <Alert.Description>{upload.error}</Alert.Description>
            </Alert.Root>
          )}
        </Stack>
      </HStack>
    </Box>
  );
}
