import {
  Alert,
  Button,
  CloseButton,
  EmptyState,
  Skeleton,
  SkeletonText,
  Stack,
  VStack,
} from "@chakra-ui/react";
import { Link } from "@tanstack/react-router";
import { LuMessageSquareOff } from "react-icons/lu";
import { getErrorMessage } from "@/lib/api-error";

/** Placeholders shaped like a question and its reply while the messages load. */
export function MessagesSkeleton() {
  return (
    <Stack gap="8" aria-busy="true" aria-label="Loading the conversation">
      <Skeleton alignSelf="flex-end" h="10" w="60%" rounded="2xl" />
      <SkeletonText noOfLines={4} gap="3" />
      <Skeleton alignSelf="flex-end" h="10" w="40%" rounded="2xl" />
      <SkeletonText noOfLines={3} gap="3" />
    </Stack>
  );
}

/** A conversation that cannot be shown: deleted, someone else's, or the server failed. */
export function ConversationMissing({ error }: { error: unknown }) {
  return (
    <EmptyState.Root py="16">
      <EmptyState.Content>
        <EmptyState.Indicator>
          <LuMessageSquareOff />
        </EmptyState.Indicator>
        <VStack textAlign="center">
          <EmptyState.Title>This conversation cannot be opened</EmptyState.Title>
          <EmptyState.Description>{getErrorMessage(error)}</EmptyState.Description>
        </VStack>
        <Button asChild colorPalette="brand">
          <Link to="/chat">Start a new chat</Link>
        </Button>
      </EmptyState.Content>
    </EmptyState.Root>
  );
}

type NotSentAlertProps = {
  message: string | null;
  /** The refused request was a retry of a reply rather than a new question. */
  retry: boolean;
  onDismiss: () => void;
};

/** The server refused the question (or retry) before storing anything; the text is back in the composer. */
export function NotSentAlert({ message, retry, onDismiss }: NotSentAlertProps) {
  if (!message) return null;
  return (
    <Alert.Root status="error" role="alert" rounded="lg" variant="subtle">
      <Alert.Indicator />
      <Alert.Content>
        <Alert.Title>
          {retry ? "The reply could not be retried" : "Your question was not sent"}
        </Alert.Title>
        <Alert.Description>{message}</Alert.Description>
      </Alert.Content>
      <CloseButton size="sm" aria-label="Dismiss" onClick={onDismiss} alignSelf="flex-start" />
    </Alert.Root>
  );
}
