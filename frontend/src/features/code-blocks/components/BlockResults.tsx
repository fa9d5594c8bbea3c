import { Box, SimpleGrid, Skeleton, Stack, Table, Text } from "@chakra-ui/react";
import type { CodeBlockSummary } from "@/client";
import type { LibraryView } from "../search";
import { BlockCard } from "./BlockCard";
import { BlockRow, wide, wider } from "./BlockRow";
import type { BlockItemActions } from "./block-item-actions";

type BlockResultsProps = BlockItemActions & {
  blocks: CodeBlockSummary[];
  view: LibraryView;
  /** True while the next search, filter or page loads over these results. */
  stale: boolean;
};

const GRID_COLUMNS = { base: 1, md: 2, xl: 3 };

/** The page of results as cards or as table rows. */
export function BlockResults({ blocks, view, stale, ...actions }: BlockResultsProps) {
  const dimmed = { opacity: stale ? 0.6 : 1, transition: "opacity 0.2s", "aria-busy": stale };

  if (view === "grid") {
    return (
      <SimpleGrid as="section" aria-label="Code blocks" columns={GRID_COLUMNS} gap="4" {...dimmed}>
        {blocks.map((block) => (
          <BlockCard key={block.id} block={block} {...actions} />
        ))}
      </SimpleGrid>
    );
  }
  return (
    <Table.ScrollArea borderWidth="1px" rounded="lg" bg="bg" {...dimmed}>
      <Table.Root size="md">
        <Table.Caption srOnly>Code blocks</Table.Caption>
        <Table.Header>
          <Table.Row bg="bg.subtle">
            <Table.ColumnHeader>Name</Table.ColumnHeader>
            <Table.ColumnHeader display={wide}>Language</Table.ColumnHeader>
            <Table.ColumnHeader display={wider}>Tags</Table.ColumnHeader>
            <Table.ColumnHeader textAlign="end">
              <Text srOnly>Actions</Text>
            </Table.ColumnHeader>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {blocks.map((block) => (
            <BlockRow key={block.id} block={block} {...actions} />
          ))}
        </Table.Body>
      </Table.Root>
    </Table.ScrollArea>
  );
}

export function BlockResultsSkeleton({ view }: { view: LibraryView }) {
  const count = view === "grid" ? 6 : 5;
  if (view === "list") {
    return (
      <Stack
        gap="2"
        borderWidth="1px"
        rounded="lg"
        p="4"
        bg="bg"
        aria-busy="true"
        aria-label="Loading code blocks"
      >
        {Array.from({ length: count }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <Skeleton key={index} h="12" />
        ))}
      </Stack>
    );
  }
  return (
    <SimpleGrid columns={GRID_COLUMNS} gap="4" aria-busy="true" aria-label="Loading code blocks">
      {Array.from({ length: count }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <Box key={index} borderWidth="1px" rounded="xl" p="4" bg="bg">
          <Skeleton h="4" w="20" mb="3" />
          <Skeleton h="5" w="3/4" mb="3" />
          <Skeleton h="28" />
        </Box>
      ))}
    </SimpleGrid>
  );
}
