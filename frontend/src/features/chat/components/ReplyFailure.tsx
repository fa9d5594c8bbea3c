import { Alert, Button } from "@chakra-ui/react";
import { LuRotateCcw } from "react-icons/lu";

type ReplyFailureProps = {
  error: string;
  /** Shown only for the latest reply: older ones cannot be retried. */
  onRetry?: () => void;
  retryDisabled?: boolean;
};

/** Why a reply stopped early, in the provider's or server's words, with a way to ask again. */
export function ReplyFailure({ error, onRetry, retryDisabled }: ReplyFailureProps) {
  return (
    <Alert.Root
      status="error"
      role="alert"
      variant="subtle"
      rounded="lg"
      mt="3"
      alignItems="center"
    >
      <Alert.Indicator />
      <Alert.Content>
        <Alert.Title>The reply did not finish</Alert.Title>
        <Alert.Description>{error}</Alert.Description>
      </Alert.Content>
      {onRetry && (
        <Button
          size="sm"
          variant="outline"
          colorPalette="red"
          onClick={onRetry}
          disabled={retryDisabled}
          flexShrink={0}
        >
          <LuRotateCcw aria-hidden />
          Retry
        </Button>
      )}
    </Alert.Root>
  );
}
