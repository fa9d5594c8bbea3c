import { Badge, Box, Flex, HStack, LinkBox, LinkOverlay, Stack, Text } from "@chakra-ui/react";
import { Link } from "@tanstack/react-router";
import type { CodeBlockSummary } from "@/client";
import { CodeView } from "@/components/code/CodeView";
import { languageName } from "@/lib/code-languages";
import { useTagEditing } from "../use-tag-editing";
import { BlockActionsMenu } from "./BlockActionsMenu";
import { BlockMeta } from "./BlockMeta";
import { BlockStatusBadge } from "./BlockStatusBadge";
import type { BlockItemActions } from "./block-item-actions";
import { InlineTags } from "./InlineTags";

type BlockCardProps = BlockItemActions & { block: CodeBlockSummary };

/** A block in the grid: name, what it does, the start of its code, tags and provenance. */
export function BlockCard({ block, tagSuggestions, onTagClick, ...actions }: BlockCardProps) {
  const tags = useTagEditing(block.id, block.tags);

  return (
    <LinkBox
      as="article"
      aria-label={block.title}
      display="flex"
      flexDirection="column"
      gap="3"
      p="4"
      borderWidth="1px"
      rounded="xl"
      bg="bg"
      transition="border-color 0.15s, box-shadow 0.15s"
      _hover={{ borderColor: "border.emphasized", shadow: "sm" }}
      _focusWithin={{ borderColor: "brand.border" }}
    >
      <Flex gap="2" align="flex-start">
        <Stack gap="1" flex="1" minW="0">
          <HStack gap="2">
            <Badge size="sm" variant="outline" fontFamily="mono">
              {languageName(block.language)}
            </Badge>
            <BlockStatusBadge
              executedSuccessfully={block.executed_successfully}
              hasSyntaxError={block.has_syntax_error}
            />
          </HStack>
          <LinkOverlay asChild>
            <Link to="/library/$blockId" params={{ blockId: block.id }}>
              <Text as="h2" fontWeight="semibold" lineClamp={2} wordBreak="break-word">
                {block.title}
              </Text>
            </Link>
          </LinkOverlay>
        </Stack>
        <Box position="relative" zIndex="1">
          <BlockActionsMenu
            title={block.title}
            isPython={block.language === "python"}
            exporting={actions.exportingId === block.id}
            onOpen={() => actions.onOpen(block)}
            onCopy={() => actions.onCopy(block)}
            onUseInChat={() => actions.onUseInChat(block)}
            onExport={(format) => actions.onExport(block, format)}
            onDelete={() => actions.onDelete(block)}
          />
        </Box>
      </Flex>
      {block.description && (
        <Text textStyle="sm" color="fg.muted" lineClamp={2}>
          {block.description}
        </Text>
      )}
      <Box borderWidth="1px" rounded="md" overflow="hidden" flex="1" bg="bg.subtle" aria-hidden>
        <CodeView
          code={block.code_preview}
          language={block.language}
          compact
          maxH="40"
          interactive={false}
        />
      </Box>
      <Box position="relative" zIndex="1">
        <InlineTags
          name={block.title}
          tags={tags.tags}
          onChange={tags.save}
          suggestions={tagSuggestions}
          onTagClick={onTagClick}
        />
      </Box>
      <Box position="relative" zIndex="1">
        <BlockMeta block={block} />
      </Box>
    </LinkBox>
  );
}
