import { Button, EmptyState, HStack, SimpleGrid, Skeleton, Stack, VStack } from "@chakra-ui/react";
import { Link } from "@tanstack/react-router";
import { LuArrowLeft, LuFileX } from "react-icons/lu";

/** An unknown id, another user's file, or one deleted since the link was made. */
export function FileNotFound() {
  return (
    <EmptyState.Root borderWidth="1px" rounded="xl" bg="bg" py="16">
      <EmptyState.Content>
        <EmptyState.Indicator>
          <LuFileX />
        </EmptyState.Indicator>
        <VStack textAlign="center">
          <EmptyState.Title asChild>
            <h1>This file does not exist or was deleted</h1>
          </EmptyState.Title>
          <EmptyState.Description>
            Check the address, or find the file in your list.
          </EmptyState.Description>
        </VStack>
        <Button asChild colorPalette="brand">
          <Link to="/files">
            <LuArrowLeft aria-hidden />
            Go to the file list
          </Link>
        </Button>
      </EmptyState.Content>
    </EmptyState.Root>
  );
}

export function FileDetailSkeleton() {
  return (
    <Stack gap="6" aria-busy="true" aria-label="Loading file">
      <Skeleton h="4" w="40" />
      <HStack gap="3">
        <Skeleton boxSize="9" rounded="md" />
        <Stack gap="2">
          <Skeleton h="7" w="72" />
          <Skeleton h="4" w="36" />
        </Stack>
      </HStack>
      <SimpleGrid columns={{ base: 2, sm: 4 }} gap="5" borderWidth="1px" rounded="xl" p="5" bg="bg">
        {Array.from({ length: 8 }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <Stack key={index} gap="2">
            <Skeleton h="3" w="16" />
            <Skeleton h="5" w="24" />
          </Stack>
        ))}
      </SimpleGrid>
      <Skeleton h="9" w="56" />
      <Stack gap="2" borderWidth="1px" rounded="lg" p="4" bg="bg">
        {Array.from({ length: 6 }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <Skeleton key={index} h="6" />
        ))}
      </Stack>
    </Stack>
  );
}
