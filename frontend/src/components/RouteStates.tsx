import { Button, Center, EmptyState, Spinner, VStack } from "@chakra-ui/react";
import { Link } from "@tanstack/react-router";
import { LuCompass, LuTriangleAlert } from "react-icons/lu";
import { getErrorMessage } from "@/lib/api-error";

export function PendingPage() {
  return (
    <Center minH="60vh" role="status" aria-label="Loading">
      <Spinner size="lg" color="brand.solid" />
    </Center>
  );
}

export function NotFoundPage() {
  return (
    <Center minH="60vh" px="4">
      <EmptyState.Root>
        <EmptyState.Content>
          <EmptyState.Indicator>
            <LuCompass />
          </EmptyState.Indicator>
          <VStack textAlign="center">
            <EmptyState.Title asChild>
              <h1>Page not found</h1>
            </EmptyState.Title>
            <EmptyState.Description>
              The address may be mistyped, or the page has moved.
            </EmptyState.Description>
          </VStack>
          <Button asChild colorPalette="brand">
            <Link to="/">Go to the home page</Link>
          </Button>
        </EmptyState.Content>
      </EmptyState.Root>
    </Center>
  );
}

export function ErrorPage({ error, reset }: { error: unknown; reset: () => void }) {
  return (
    <Center minH="60vh" px="4">
      <EmptyState.Root>
        <EmptyState.Content>
          <EmptyState.Indicator color="fg.error">
            <LuTriangleAlert />
          </EmptyState.Indicator>
          <VStack textAlign="center">
            <EmptyState.Title asChild>
              <h1>This page could not be loaded</h1>
            </EmptyState.Title>
            <EmptyState.Description>{getErrorMessage(error)}</EmptyState.Description>
          </VStack>
          <Button colorPalette="brand" onClick={reset}>
            Try again
          </Button>
        </EmptyState.Content>
      </EmptyState.Root>
    </Center>
  );
}
