import { Box, Button, Circle, Stack, Text } from "@chakra-ui/react";
import { type DragEvent, useEffect, useRef, useState } from "react";
import { LuCloudUpload, LuFolderOpen } from "react-icons/lu";

/** What the file picker offers; the server decides, and explains, what it accepts. */
const ACCEPT = ".csv,.tsv,.txt,.gz";

type FileDropzoneProps = {
  onFiles: (files: File[]) => void;
};

function carriesFiles(event: { dataTransfer: DataTransfer | null }): boolean {
  return Boolean(event.dataTransfer?.types.includes("Files"));
}

/** Drop files on the zone or pick them with "Choose files"; several at once either way. */
export function FileDropzone({ onFiles }: FileDropzoneProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  // dragenter/dragleave fire for every child the pointer crosses: count them.
  const depth = useRef(0);

  // A file dropped just outside the zone would make the browser open it and leave the app,
  // cancelling the uploads in flight. Swallow such drops while this page is open.
  useEffect(() => {
    const swallow = (event: globalThis.DragEvent) => {
      if (carriesFiles(event)) event.preventDefault();
    };
    window.addEventListener("dragover", swallow);
    window.addEventListener("drop", swallow);
    return () => {
      window.removeEventListener("dragover", swallow);
      window.removeEventListener("drop", swallow);
    };
  }, []);

  const onDragEnter = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth.current += 1;
    setDragging(true);
  };
  const onDragLeave = () => {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setDragging(false);
  };
  const onDragOver = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    depth.current = 0;
    setDragging(false);
    onFiles(Array.from(event.dataTransfer.files));
  };

  return (
    <Box
      as="section"
      aria-label="Upload files"
      onDragEnter={onDragEnter}
      onDragLeave={onDragLeave}
      onDragOver={onDragOver}
      onDrop={onDrop}
      borderWidth="2px"
      borderStyle="dashed"
      borderColor={dragging ? "brand.solid" : "border.emphasized"}
      bg={dragging ? "brand.subtle" : "bg"}
      rounded="xl"
      px="6"
      py={{ base: "8", md: "10" }}
      transition="background 0.15s, border-color 0.15s"
      data-dragging={dragging || undefined}
    >
      <Stack align="center" gap="3" textAlign="center" pointerEvents={dragging ? "none" : "auto"}>
        <Circle
          size="12"
          bg="brand.subtle"
          color="brand.fg"
          borderWidth="1px"
          borderColor="brand.muted"
        >
          <LuCloudUpload aria-hidden size="22" />
        </Circle>
        <Stack gap="1">
          <Text fontWeight="semibold" fontSize="lg">
            Drop CSV files here
          </Text>
          <Text textStyle="sm" color={dragging ? "brand.fg" : "fg.muted"}>
            {dragging
              ? "Release to start uploading."
              : "CSV, TSV or plain-text tables, also gzip-compressed (.csv.gz). Several at once."}
          </Text>
        </Stack>
        <Button colorPalette="brand" variant="solid" onClick={() => inputRef.current?.click()}>
          <LuFolderOpen aria-hidden />
          Choose files
        </Button>
        <input
          ref={inputRef}
          type="file"
          accept={ACCEPT}
          multiple
          hidden
          aria-label="Files to upload"
          onChange={(event) => {
            onFiles(Array.from(event.target.files ?? []));
            // Choosing the same file again should upload it again.
            event.target.value = "";
          }}
        />
      </Stack>
    </Box>
  );
}
