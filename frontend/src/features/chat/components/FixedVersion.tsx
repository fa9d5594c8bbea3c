import { Box, Button, HStack, Stack, Text } from "@chakra-ui/react";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { LuLibrary, LuWrench } from "react-icons/lu";
import type { ExecutionPublic } from "@/client";
import { CopyButton } from "@/components/CopyButton";
import { CodeView } from "@/components/code/CodeView";
import { VersionRun } from "./VersionRun";

type FixedVersionProps = {
  fix: { id: string; version: number; code: string };
  runs: ExecutionPublic[];
  running: boolean;
  error: string | null;
  /** Runs the fix again. */
  runButton: ReactNode;
};

/** The automatic fix of a block that failed: its code (the entry's next version) and its run. */
export function FixedVersion({ fix, runs, running, error, runButton }: FixedVersionProps) {
  const title = `Fixed automatically — version ${fix.version}`;
  return (
    <Stack
      as="section"
      aria-label={title}
      gap="0"
      borderWidth="1px"
      borderColor="brand.muted"
      rounded="md"
      overflow="hidden"
    >
      <HStack justify="space-between" ps="3" pe="1" py="1" bg="brand.subtle" gap="2" wrap="wrap">
        <HStack gap="2" color="brand.fg" textStyle="sm" fontWeight="medium">
          <LuWrench aria-hidden />
          <Text>{title}</Text>
        </HStack>
        <HStack gap="0">
          {runButton}
          <Button asChild size="xs" variant="ghost">
            <Link to="/library/$blockId" params={{ blockId: fix.id }}>
              <LuLibrary aria-hidden />
              Open in library
            </Link>
          </Button>
          <CopyButton text={fix.code} />
        </HStack>
      </HStack>
      <Box bg="bg.subtle" borderTopWidth="1px">
        <CodeView code={fix.code} language="python" />
      </Box>
      {(runs.length > 0 || running || error) && (
        <Box p="3" borderTopWidth="1px">
          <VersionRun runs={runs} running={running} error={error} />
        </Box>
      )}
    </Stack>
  );
}
