import { Button, EmptyState, VStack } from "@chakra-ui/react";
import { LuUsers } from "react-icons/lu";

type UsersEmptyStateProps = {
  q: string;
  onClearSearch: () => void;
};

export function UsersEmptyState({ q, onClearSearch }: UsersEmptyStateProps) {
  return (
    <EmptyState.Root borderWidth="1px" rounded="lg" bg="bg">
      <EmptyState.Content>
        <EmptyState.Indicator>
          <LuUsers />
        </EmptyState.Indicator>
        <VStack textAlign="center">
          <EmptyState.Title>{q ? `No users match “${q}”` : "No users yet"}</EmptyState.Title>
          <EmptyState.Description>
            {q
              ? "Try part of a name or an e-mail address."
              : "Add the first user with the button above."}
          </EmptyState.Description>
        </VStack>
        {q && (
          <Button variant="outline" onClick={onClearSearch}>
            Clear search
          </Button>
        )}
      </EmptyState.Content>
    </EmptyState.Root>
  );
}
