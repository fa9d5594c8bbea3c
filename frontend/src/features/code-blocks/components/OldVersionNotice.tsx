import { Alert, Button, HStack } from "@chakra-ui/react";
import { Link } from "@tanstack/react-router";
import type { CodeBlockDetail } from "@/client";

type OldVersionNoticeProps = {
  block: CodeBlockDetail;
  restoring: boolean;
  onRestore: () => void;
};

/** Says that an older version is shown, with the way to the latest and a way to bring it back. */
export function OldVersionNotice({ block, restoring, onRestore }: OldVersionNoticeProps) {
  if (block.is_latest) return null;
  return (
    <Alert.Root status="info" mb="4" alignItems="center">
      <Alert.Indicator />
      <Alert.Content>
        <Alert.Title>
          You are looking at version {block.version} of {block.versions_count}
        </Alert.Title>
        <Alert.Description>
          Copy and export use this version. Restoring it saves its code as a new latest version.
        </Alert.Description>
      </Alert.Content>
      <HStack gap="2" flexShrink={0}>
        <Button asChild size="sm" variant="outline">
          <Link to="/library/$blockId" params={{ blockId: block.latest_version_id }}>
            Go to the latest
          </Link>
        </Button>
        <Button size="sm" colorPalette="brand" onClick={onRestore} loading={restoring}>
          Restore this version
        </Button>
      </HStack>
    </Alert.Root>
  );
}
