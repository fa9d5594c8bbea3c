import { Button, EmptyState, List, VStack } from "@chakra-ui/react";
import { LuFileSpreadsheet, LuSearchX } from "react-icons/lu";

type FilesEmptyStateProps = {
  q: string;
  onClearSearch: () => void;
};

export function FilesEmptyState({ q, onClearSearch }: FilesEmptyStateProps) {
  if (q) {
    return (
      <EmptyState.Root borderWidth="1px" rounded="lg" bg="bg">
        <EmptyState.Content>
          <EmptyState.Indicator>
            <LuSearchX />
          </EmptyState.Indicator>
          <VStack textAlign="center">
            <EmptyState.Title>No file name contains “{q}”</EmptyState.Title>
            <EmptyState.Description>Try a shorter part of the file name.</EmptyState.Description>
          </VStack>
          <Button variant="outline" onClick={onClearSearch}>
            Clear search
          </Button>
        </EmptyState.Content>
      </EmptyState.Root>
    );
  }
  return (
    <EmptyState.Root borderWidth="1px" rounded="lg" bg="bg">
      <EmptyState.Content>
        <EmptyState.Indicator>
          <LuFileSpreadsheet />
        </EmptyState.Indicator>
        <VStack textAlign="center">
          <EmptyState.Title>Nothing uploaded yet</EmptyState.Title>
          <EmptyState.Description maxW="md">
            Drop a CSV file in the box above, or use Choose files. Red Panda reads it and shows you
            what is inside before you ask anything:
          </EmptyState.Description>
        </VStack>
        <List.Root color="fg.muted" textStyle="sm" gap="1" ps="4">
          <List.Item>each column’s type, missing values and range,</List.Item>
          <List.Item>the most frequent values of categories,</List.Item>
          <List.Item>every row, page by page.</List.Item>
        </List.Root>
      </EmptyState.Content>
    </EmptyState.Root>
  );
}
