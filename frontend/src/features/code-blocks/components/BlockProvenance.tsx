import { Box, HStack, Stack, Text } from "@chakra-ui/react";
import type { ReactNode } from "react";
import { LuFileSpreadsheet } from "react-icons/lu";
import type { CodeBlockDetail } from "@/client";
import { ProviderIcon } from "@/components/ProviderIcon";
import { TextLink } from "@/components/TextLink";
import { formatDateTime, formatRelativeTime } from "@/lib/format";
import { providerModelLabel } from "@/lib/providers";
import { AsideSection } from "./AsideSection";
import { chatName, runCountText } from "./BlockMeta";
import { BlockStatusBadge } from "./BlockStatusBadge";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap="1" minW="0">
      <Text as="dt" textStyle="xs" color="fg.muted" fontWeight="medium">
        {label}
      </Text>
      <Box as="dd" textStyle="sm" minW="0">
        {children}
      </Box>
    </Stack>
  );
}

function When({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatRelativeTime(iso)}
    </time>
  );
}

/** Where the block came from (chat, model, files) and when it was made and changed. */
export function BlockProvenance({ block }: { block: CodeBlockDetail }) {
  const fromChat = block.source === "chat";
  return (
    <AsideSection title="Where it comes from">
      <Box as="dl" display="flex" flexDirection="column" gap="3">
        <Fact label="Source">
          {!fromChat ? (
            "Saved by you"
          ) : block.conversation_id ? (
            <TextLink to="/chat/$conversationId" params={{ conversationId: block.conversation_id }}>
              {chatName(block.conversation_title)}
            </TextLink>
          ) : (
            <Text color="fg.muted">A chat that was deleted</Text>
          )}
        </Fact>
        {fromChat && (block.provider || block.model) && (
          <Fact label="Written by">
            <HStack gap="2">
              <ProviderIcon provider={block.provider} iconSize={12} />
              <Text>{providerModelLabel(block.provider, block.model)}</Text>
            </HStack>
          </Fact>
        )}
        {block.files.length > 0 && (
          <Fact label="Data">
            <Stack as="ul" gap="1" listStyleType="none">
              {block.files.map((file) => (
                <HStack as="li" key={file.id} gap="2" minW="0">
                  <LuFileSpreadsheet aria-hidden />
                  <TextLink to="/files/$fileId" params={{ fileId: file.id }} truncate>
                    {file.filename}
                  </TextLink>
                  <TextLink
                    to="/library"
                    search={{ file: file.id }}
                    textStyle="xs"
                    fontWeight="normal"
                    flexShrink={0}
                  >
                    More code
                  </TextLink>
                </HStack>
              ))}
            </Stack>
          </Fact>
        )}
        <Fact label="Created">
          <When iso={block.created_at} />
        </Fact>
        {block.versions_count > 1 && (
          <Fact label={`Version ${block.version} made`}>
            <When iso={block.version_created_at} />
          </Fact>
        )}
        <Fact label="Last changed">
          <When iso={block.updated_at} />
        </Fact>
        <Fact label="Runs">
          {block.executed_successfully === null && !block.syntax_error ? (
            <Text color="fg.muted">Not run yet</Text>
          ) : (
            <Stack gap="1" align="flex-start">
              <BlockStatusBadge
                executedSuccessfully={block.executed_successfully}
                hasSyntaxError={Boolean(block.syntax_error)}
              />
              {runCountText(block.run_count, block.distinct_file_count) && (
                <Text color="fg.muted" textStyle="xs">
                  {runCountText(block.run_count, block.distinct_file_count)} (all versions)
                </Text>
              )}
            </Stack>
          )}
        </Fact>
      </Box>
    </AsideSection>
  );
}
