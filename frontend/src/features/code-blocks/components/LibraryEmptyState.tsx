import { Button, EmptyState, HStack, List, VStack } from "@chakra-ui/react";
import { Link } from "@tanstack/react-router";
import { LuLibrary, LuMessagesSquare, LuPlus, LuSearchX } from "react-icons/lu";

type LibraryEmptyStateProps = {
  /** Something narrows the list (search or filters): "no results" rather than "nothing yet". */
  narrowed: boolean;
  onClear: () => void;
  onNewSnippet: () => void;
};

export function LibraryEmptyState({ narrowed, onClear, onNewSnippet }: LibraryEmptyStateProps) {
  if (narrowed) {
    return (
      <EmptyState.Root borderWidth="1px" rounded="lg" bg="bg">
        <EmptyState.Content>
          <EmptyState.Indicator>
            <LuSearchX />
          </EmptyState.Indicator>
          <VStack textAlign="center">
            <EmptyState.Title>No code matches</EmptyState.Title>
            <EmptyState.Description maxW="md">
              Try other words, part of a function or column name, or fewer filters.
            </EmptyState.Description>
          </VStack>
          <Button variant="outline" onClick={onClear}>
            Clear search and filters
          </Button>
        </EmptyState.Content>
      </EmptyState.Root>
    );
  }
  return (
    <EmptyState.Root borderWidth="1px" rounded="lg" bg="bg">
      <EmptyState.Content>
        <EmptyState.Indicator>
          <LuLibrary />
        </EmptyState.Indicator>
        <VStack textAlign="center">
          <EmptyState.Title>Your library is empty</EmptyState.Title>
          <EmptyState.Description maxW="md">
            Every code block an assistant writes in a chat lands here by itself, named, described
            and searchable. From here you can:
          </EmptyState.Description>
        </VStack>
        <List.Root color="fg.muted" textStyle="sm" gap="1" ps="4">
          <List.Item>find code again by what it does, a column or a function,</List.Item>
          <List.Item>edit it and keep every version, with the differences,</List.Item>
          <List.Item>copy it, or export it as a Python script or a notebook.</List.Item>
        </List.Root>
        <HStack gap="3" wrap="wrap" justify="center">
          <Button asChild colorPalette="brand">
            <Link to="/chat">
              <LuMessagesSquare aria-hidden />
              Start a chat
            </Link>
          </Button>
          <Button variant="outline" onClick={onNewSnippet}>
            <LuPlus aria-hidden />
            New snippet
          </Button>
        </HStack>
      </EmptyState.Content>
    </EmptyState.Root>
  );
}
