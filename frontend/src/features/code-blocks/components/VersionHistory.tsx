import { Badge, HStack, Stack, Text } from "@chakra-ui/react";
import type { CodeBlockVersion } from "@/client";
import { TextLink } from "@/components/TextLink";
import { formatDateTime, formatRelativeTime } from "@/lib/format";
import { BlockStatusBadge } from "./BlockStatusBadge";

type VersionHistoryProps = {
  /** Newest first. */
  versions: CodeBlockVersion[];
  /** The version this page shows. */
  shownId: string;
};

/** Every version of the entry, newest first; each opens as its own page. */
export function VersionHistory({ versions, shownId }: VersionHistoryProps) {
  return (
    <Stack
      as="ol"
      aria-label="Versions"
      gap="0"
      listStyleType="none"
      borderWidth="1px"
      rounded="lg"
      bg="bg"
      overflow="hidden"
    >
      {versions.map((version) => {
        const shown = version.id === shownId;
        return (
          <HStack
            as="li"
            key={version.id}
            gap="3"
            px="4"
            py="2.5"
            borderTopWidth={version === versions[0] ? "0" : "1px"}
            bg={shown ? "brand.subtle" : undefined}
            aria-current={shown ? "page" : undefined}
            wrap="wrap"
          >
            {shown ? (
              <Text fontWeight="semibold">Version {version.version}</Text>
            ) : (
              <TextLink
                to="/library/$blockId"
                params={{ blockId: version.id }}
                search={{ tab: "history" }}
              >
                Version {version.version}
              </TextLink>
            )}
            {version.is_latest && (
              <Badge size="sm" colorPalette="green" variant="subtle">
                Latest
              </Badge>
            )}
            {shown && (
              <Badge size="sm" colorPalette="brand" variant="subtle">
                Shown
              </Badge>
            )}
            <BlockStatusBadge
              executedSuccessfully={version.executed_successfully}
              hasSyntaxError={version.syntax_error !== null}
            />
            <Text textStyle="sm" color="fg.muted" ms="auto">
              <time dateTime={version.created_at} title={formatDateTime(version.created_at)}>
                {formatRelativeTime(version.created_at)}
              </time>
            </Text>
          </HStack>
        );
      })}
    </Stack>
  );
}
