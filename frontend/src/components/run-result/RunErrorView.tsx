import { Alert, Box, Stack } from "@chakra-ui/react";
import { monospaceBlock } from "./PrintedOutput";
import type { RunErrorShown, RunStatus } from "./types";

const TITLES: Record<RunStatus, string> = {
  succeeded: "Error",
  failed: "The code stopped with an error",
  timed_out: "The code took too long",
  refused: "The code was not run",
};

/** Why a run did not finish: the error's kind and message, then the user's own traceback lines. */
export function RunErrorView({ error, status }: { error: RunErrorShown; status: RunStatus }) {
  const timedOutOrRefused = status === "timed_out" || status === "refused";
  const traceback = error.traceback ?? [];
  return (
    <Alert.Root status={timedOutOrRefused ? "warning" : "error"} role="alert" borderRadius="md">
      <Alert.Indicator />
      <Alert.Content minW="0" flex="1">
        <Alert.Title>{TITLES[status]}</Alert.Title>
        <Alert.Description>
          <Stack gap="2" mt="1">
            <Box fontFamily="mono" textStyle="sm" wordBreak="break-word" whiteSpace="pre-wrap">
              {error.kind ? `${error.kind}: ${error.message}` : error.message}
            </Box>
            {traceback.length > 0 && (
              <Box {...monospaceBlock} aria-label="Traceback" bg="bg.panel" color="fg">
                {traceback.join("\n")}
              </Box>
            )}
          </Stack>
        </Alert.Description>
      </Alert.Content>
    </Alert.Root>
  );
}
