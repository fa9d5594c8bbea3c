import { Button, Flex, Heading, HStack, Stack, Text } from "@chakra-ui/react";
import { LuDownload, LuPencil, LuTrash2 } from "react-icons/lu";
import type { FileSummary } from "@/client";
import { BackBreadcrumb } from "@/components/BackBreadcrumb";
import { formatDateTime, formatRelativeTime } from "@/lib/format";
import { FileIcon } from "./FileIcon";

type FileDetailHeaderProps = {
  file: FileSummary;
  downloading: boolean;
  onRename: () => void;
  onDownload: () => void;
  onDelete: () => void;
};

export function FileDetailHeader({
  file,
  downloading,
  onRename,
  onDownload,
  onDelete,
}: FileDetailHeaderProps) {
  return (
    <Stack gap="4" mb="6">
      <BackBreadcrumb to="/files" label="File list" current={file.filename} />
      <Flex
        gap="4"
        direction={{ base: "column", md: "row" }}
        align={{ base: "stretch", md: "flex-start" }}
        justify="space-between"
      >
        <HStack gap="3" align="flex-start" minW="0">
          <FileIcon compressed={file.compression !== null} />
          <Stack gap="1" minW="0">
            <Heading as="h1" size="2xl" letterSpacing="tight" wordBreak="break-word">
              {file.filename}
            </Heading>
            <Text textStyle="sm" color="fg.muted">
              Uploaded{" "}
              <time dateTime={file.uploaded_at} title={formatDateTime(file.uploaded_at)}>
                {formatRelativeTime(file.uploaded_at)}
              </time>
            </Text>
          </Stack>
        </HStack>
        <HStack gap="2" flexShrink={0} wrap="wrap">
          <Button variant="outline" size="sm" onClick={onRename}>
            <LuPencil aria-hidden />
            Rename
          </Button>
          <Button variant="outline" size="sm" onClick={onDownload} loading={downloading}>
            <LuDownload aria-hidden />
            Download
          </Button>
          <Button variant="outline" size="sm" colorPalette="red" onClick={onDelete}>
            <LuTrash2 aria-hidden />
            Delete
          </Button>
        </HStack>
      </Flex>
    </Stack>
  );
}
