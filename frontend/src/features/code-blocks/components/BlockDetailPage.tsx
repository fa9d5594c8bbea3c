import { Button, Stack } from "@chakra-ui/react";
import { useQuery } from "@tanstack/react-query";
import { FormAlert } from "@/components/form/FormAlert";
import { getErrorMessage, hasErrorKind } from "@/lib/api-error";
import { codeBlockQueryOptions } from "../api";
import { BlockDetail, type BlockDetailProps } from "./BlockDetail";
import { BlockDetailSkeleton, BlockNotFound } from "./BlockDetailStates";

type BlockDetailPageProps = Omit<BlockDetailProps, "block"> & { blockId: string };

/** A block's page: the block once loaded, else why not (missing, failed) or a skeleton. */
export function BlockDetailPage({ blockId, ...props }: BlockDetailPageProps) {
  const query = useQuery(codeBlockQueryOptions(blockId));
  const block = query.data;

  if (block) return <BlockDetail block={block} {...props} />;
  if (
    query.isError &&
    (hasErrorKind(query.error, "CodeBlockNotFound") || hasErrorKind(query.error, "ValidationError"))
  ) {
    return <BlockNotFound />;
  }
  if (query.isError) {
    return (
      <Stack gap="4" align="flex-start">
        <FormAlert
          title="This code block could not be loaded"
          message={getErrorMessage(query.error)}
        />
        <Button variant="outline" onClick={() => query.refetch()} loading={query.isFetching}>
          Try again
        </Button>
      </Stack>
    );
  }
  return <BlockDetailSkeleton />;
}
