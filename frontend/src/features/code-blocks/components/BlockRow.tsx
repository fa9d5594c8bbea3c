import { Badge, HStack, Stack, Table, Text } from "@chakra-ui/react";
import type { CodeBlockSummary } from "@/client";
import { TextLink } from "@/components/TextLink";
import { languageName } from "@/lib/code-languages";
import { useTagEditing } from "../use-tag-editing";
import { BlockActionsMenu } from "./BlockActionsMenu";
import { BlockMeta } from "./BlockMeta";
import { BlockStatusBadge } from "./BlockStatusBadge";
import type { BlockItemActions } from "./block-item-actions";
import { InlineTags } from "./InlineTags";

export const wide = { base: "none", md: "table-cell" };
export const wider = { base: "none", lg: "table-cell" };

type BlockRowProps = BlockItemActions & { block: CodeBlockSummary };

/** A block in the list: name and description, language, tags, provenance and actions. */
export function BlockRow({ block, tagSuggestions, onTagClick, ...actions }: BlockRowProps) {
  const tags = useTagEditing(block.id, block.tags);

  return (
    <Table.Row>
      <Table.Cell maxW={{ base: "56", sm: "sm", lg: "md" }} verticalAlign="top">
        <Stack gap="1" minW="0">
          <HStack gap="2" minW="0">
            <TextLink
              to="/library/$blockId"
              params={{ blockId: block.id }}
              color="fg"
              truncate
              title={block.title}
            >
              {block.title}
            </TextLink>
            <BlockStatusBadge
              executedSuccessfully={block.executed_successfully}
              hasSyntaxError={block.has_syntax_error}
            />
          </HStack>
          {block.description && (
            <Text textStyle="xs" color="fg.muted" lineClamp={2}>
              {block.description}
            </Text>
          )}
          <BlockMeta block={block} />
        </Stack>
      </Table.Cell>
      <Table.Cell display={wide} verticalAlign="top">
        <Badge size="sm" variant="outline" fontFamily="mono">
          {languageName(block.language)}
        </Badge>
      </Table.Cell>
      <Table.Cell display={wider} verticalAlign="top" maxW="xs">
        <InlineTags
          name={block.title}
          tags={tags.tags}
          onChange={tags.save}
          suggestions={tagSuggestions}
          onTagClick={onTagClick}
        />
      </Table.Cell>
      <Table.Cell textAlign="end" verticalAlign="top">
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
      </Table.Cell>
    </Table.Row>
  );
}
