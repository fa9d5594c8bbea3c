import { Badge, Box, Button, Flex, HStack, Stack, Text } from "@chakra-ui/react";
import { LuPencil, LuRefreshCw, LuReplace, LuStar, LuTrash2 } from "react-icons/lu";
import type { ApiKeyPublic } from "@/client";
import { ProviderIcon } from "@/components/ProviderIcon";
import { formatRelativeTime } from "@/lib/format";
import { providerName } from "@/lib/providers";
import { KeyStatusBadge } from "./KeyStatusBadge";

type ApiKeyCardProps = {
  apiKey: ApiKeyPublic;
  checking: boolean;
  makingDefault: boolean;
  onCheck: () => void;
  onReplace: () => void;
  onEdit: () => void;
  onMakeDefault: () => void;
  onDelete: () => void;
};

function checkedLine(apiKey: ApiKeyPublic): string {
  if (!apiKey.checked_at) return "Not checked yet";
  return `Checked ${formatRelativeTime(apiKey.checked_at)}`;
}

/** One key: what it is (never the key itself), how its last check went, and what can be done. */
export function ApiKeyCard({
  apiKey,
  checking,
  makingDefault,
  onCheck,
  onReplace,
  onEdit,
  onMakeDefault,
  onDelete,
}: ApiKeyCardProps) {
  return (
    <Box
      as="li"
      listStyleType="none"
      borderWidth="1px"
      borderColor={apiKey.is_default ? "brand.border" : "border"}
      rounded="lg"
      bg="bg"
      aria-label={`${apiKey.label} (${providerName(apiKey.provider)})`}
    >
      <Flex gap="4" p="4" align="flex-start" direction={{ base: "column", sm: "row" }}>
        <HStack gap="3" align="flex-start" flex="1" minW="0">
          <ProviderIcon provider={apiKey.provider} iconSize={18} />
          <Stack gap="1" minW="0">
            <HStack gap="2" wrap="wrap">
              <Text fontWeight="semibold" truncate>
                {apiKey.label}
              </Text>
              {apiKey.is_default && (
                <Badge colorPalette="brand" variant="solid" size="sm">
                  Default
                </Badge>
              )}
            </HStack>
            <Text textStyle="sm" color="fg.muted">
              {providerName(apiKey.provider)} ·{" "}
              <Text as="span" fontFamily="mono">
                ••••{apiKey.key_last4}
              </Text>
              {" · "}
              {apiKey.default_model
                ? `Default model ${apiKey.default_model}`
                : "Model chosen automatically"}
            </Text>
            {apiKey.base_url && (
              <Text textStyle="xs" color="fg.muted" fontFamily="mono" wordBreak="break-all">
                {apiKey.base_url}
              </Text>
            )}
            <Text textStyle="xs" color={apiKey.status === "invalid" ? "fg.error" : "fg.subtle"}>
              {[apiKey.status_message, checkedLine(apiKey)].filter(Boolean).join(" · ")}
            </Text>
          </Stack>
        </HStack>
        <KeyStatusBadge status={apiKey.status} />
      </Flex>
      <Flex
        gap="1"
        px="3"
        py="2"
        borderTopWidth="1px"
        bg="bg.subtle"
        roundedBottom="lg"
        wrap="wrap"
        justify="space-between"
      >
        <HStack gap="1" wrap="wrap" colorPalette="gray">
          <Button
            size="xs"
            variant="ghost"
            onClick={onCheck}
            loading={checking}
            loadingText="Checking…"
          >
            <LuRefreshCw aria-hidden />
            Check again
          </Button>
          <Button size="xs" variant="ghost" onClick={onReplace}>
            <LuReplace aria-hidden />
            Replace
          </Button>
          <Button size="xs" variant="ghost" onClick={onEdit}>
            <LuPencil aria-hidden />
            Edit
          </Button>
          {!apiKey.is_default && (
            <Button size="xs" variant="ghost" onClick={onMakeDefault} loading={makingDefault}>
              <LuStar aria-hidden />
              Make default
            </Button>
          )}
        </HStack>
        <Button size="xs" variant="ghost" colorPalette="red" onClick={onDelete}>
          <LuTrash2 aria-hidden />
          Delete
        </Button>
      </Flex>
    </Box>
  );
}
