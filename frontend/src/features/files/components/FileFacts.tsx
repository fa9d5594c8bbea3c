import {
  Box,
  Clipboard,
  Code,
  HStack,
  IconButton,
  SimpleGrid,
  Stack,
  Text,
} from "@chakra-ui/react";
import type { ReactNode } from "react";
import type { FileSummary } from "@/client";
import { formatBytes, formatDateTime, formatInteger } from "@/lib/format";
import { compressionLabel, delimiterLabel, encodingLabel, shortenHash } from "../format";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap="1" minW="0">
      <Text as="dt" textStyle="xs" color="fg.muted" fontWeight="medium">
        {label}
      </Text>
      <Box as="dd" fontWeight="semibold" minW="0">
        {children}
      </Box>
    </Stack>
  );
}

function HashValue({ sha256 }: { sha256: string }) {
  return (
    <HStack gap="1">
      <Code size="sm" variant="surface" title={sha256}>
        {shortenHash(sha256)}
      </Code>
      <Clipboard.Root value={sha256} timeout={1500}>
        <Clipboard.Trigger asChild>
          <IconButton variant="ghost" size="2xs" aria-label="Copy SHA-256">
            <Clipboard.Indicator />
          </IconButton>
        </Clipboard.Trigger>
      </Clipboard.Root>
    </HStack>
  );
}

/** The numbers and facts about a file: how big, how it was read, and its fingerprint. */
export function FileFacts({ file }: { file: FileSummary }) {
  return (
    <Box
      as="section"
      aria-label="Summary"
      bg="bg"
      borderWidth="1px"
      rounded="xl"
      p={{ base: "4", md: "5" }}
    >
      <SimpleGrid as="dl" columns={{ base: 2, sm: 4 }} gap={{ base: "4", md: "5" }} columnGap="6">
        <Fact label="Rows">{formatInteger(file.row_count)}</Fact>
        <Fact label="Columns">{formatInteger(file.column_count)}</Fact>
        <Fact label="Size">{formatBytes(file.size_bytes)}</Fact>
        <Fact label="Uploaded">{formatDateTime(file.uploaded_at)}</Fact>
        <Fact label="Encoding">{encodingLabel(file.encoding)}</Fact>
        <Fact label="Delimiter">{delimiterLabel(file.delimiter)}</Fact>
        <Fact label="Compression">{compressionLabel(file.compression)}</Fact>
        <Fact label="SHA-256">
          <HashValue sha256={file.sha256} />
        </Fact>
      </SimpleGrid>
    </Box>
  );
}
