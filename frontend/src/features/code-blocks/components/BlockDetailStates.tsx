import { Button, EmptyState, Grid, Skeleton, Stack, VStack } from "@chakra-ui/react";
import { Link } from "@tanstack/react-router";
import { LuArrowLeft, LuSearchX } from "react-icons/lu";

/** An unknown id, another user's block, or one deleted since the link was made. */
export function BlockNotFound() {
  return (
    <EmptyState.Root borderWidth="1px" rounded="xl" bg="bg" py="16">
      <EmptyState.Content>
        <EmptyState.Indicator>
          <LuSearchX />
        </EmptyState.Indicator>
        <VStack textAlign="center">
          <EmptyState.Title asChild>
            <h1>This code block does not exist or was deleted</h1>
          </EmptyState.Title>
          <EmptyState.Description>
            Check the address, or search for the code in your library.
          </EmptyState.Description>
        </VStack>
        <Button asChild colorPalette="brand">
          <Link to="/library">
            <LuArrowLeft aria-hidden />
            Go to the code library
          </Link>
        </Button>
      </EmptyState.Content>
    </EmptyState.Root>
  );
}

export function BlockDetailSkeleton() {
  return (
    <Stack gap="6" aria-busy="true" aria-label="Loading code block">
      <Skeleton h="4" w="40" />
      <Stack gap="2">
        <Skeleton h="8" w="md" maxW="full" />
        <Skeleton h="4" w="lg" maxW="full" />
      </Stack>
      <Grid templateColumns={{ base: "1fr", lg: "minmax(0, 1fr) 20rem" }} gap="6">
        <Skeleton h="80" rounded="lg" />
        <Stack gap="4">
          <Skeleton h="36" rounded="xl" />
          <Skeleton h="48" rounded="xl" />
        </Stack>
      </Grid>
    </Stack>
  );
}
