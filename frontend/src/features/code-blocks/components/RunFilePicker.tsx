import { Box, Center, Checkbox, Input, InputGroup, Skeleton, Stack, Text } from "@chakra-ui/react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { LuSearch } from "react-icons/lu";
import { formatBytes, formatCount, formatRelativeTime } from "@/lib/format";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { runFileChoicesQueryOptions } from "../api";
import { MAX_RUN_FILES, type RunOnFiles } from "../use-run-on-files";
import { FileCheckNote } from "./FileCheckNote";

/** The user's files to pick from, each picked one with its column check under it. */
export function RunFilePicker({ state }: { state: RunOnFiles }) {
  const [text, setText] = useState("");
  const q = useDebouncedValue(text.trim(), 250);
  const files = useQuery(runFileChoicesQueryOptions(q));
  const list = files.data?.data;

  return (
    <Stack gap="3">
      <InputGroup startElement={<LuSearch aria-hidden />}>
        <Input
          type="search"
          aria-label="Search files"
          placeholder="Search files"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </InputGroup>
      {!list ? (
        <Stack gap="2" aria-busy="true" aria-label="Loading files">
          {[0, 1, 2].map((row) => (
            <Skeleton key={row} h="12" rounded="md" />
          ))}
        </Stack>
      ) : list.length === 0 ? (
        <Center py="6" px="4" borderWidth="1px" borderStyle="dashed" rounded="lg">
          <Text color="fg.muted" textAlign="center" textStyle="sm">
            {q ? `No file name contains “${q}”.` : "No files yet. Upload a CSV file first."}
          </Text>
        </Center>
      ) : (
        <Stack as="ul" gap="1.5" listStyleType="none" aria-label="Your files">
          {list.map((file) => {
            const check = state.checkOf(file.id);
            return (
              <Box
                as="li"
                key={file.id}
                px="3"
                py="2"
                rounded="md"
                borderWidth="1px"
                borderColor={check ? "brand.border" : "border"}
                bg={check ? "brand.subtle" : "bg"}
              >
                <Checkbox.Root
                  checked={check !== null}
                  onCheckedChange={() => state.toggle(file)}
                  disabled={check === null && state.full}
                  colorPalette="brand"
                  alignItems="flex-start"
                  w="full"
                >
                  <Checkbox.HiddenInput />
                  <Checkbox.Control mt="0.5" />
                  <Stack gap="0.5" minW="0" flex="1">
                    <Checkbox.Label fontWeight="medium" truncate>
                      {file.filename}
                    </Checkbox.Label>
                    <Text textStyle="xs" color="fg.muted" truncate>
                      {formatCount(file.row_count, "row", "rows")} ·{" "}
                      {formatCount(file.column_count, "column", "columns")} ·{" "}
                      {formatBytes(file.size_bytes)} · {formatRelativeTime(file.uploaded_at)}
                    </Text>
                  </Stack>
                </Checkbox.Root>
                {check && (
                  <Box ps="7" pt="1">
                    <FileCheckNote check={check} />
                  </Box>
                )}
              </Box>
            );
          })}
        </Stack>
      )}
      {state.full && (
        <Text textStyle="xs" color="fg.muted">
          Up to {MAX_RUN_FILES} files at a time.
        </Text>
      )}
    </Stack>
  );
}
