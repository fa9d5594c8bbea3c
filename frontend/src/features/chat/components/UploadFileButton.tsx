import { Button, HStack, Progress, Stack, Text } from "@chakra-ui/react";
import { useRef, useState } from "react";
import { LuUpload, LuX } from "react-icons/lu";
import type { FileDetail } from "@/client";
import { FormAlert } from "@/components/form/FormAlert";
import { getErrorMessage } from "@/lib/api-error";
import { isAbortError } from "@/lib/upload-request";
import { useUploadFile } from "../api";

/** What the file picker offers; the server decides, and explains, what it accepts. */
const ACCEPT = ".csv,.tsv,.txt,.gz";

type UploadFileButtonProps = {
  /** The stored file, profiled and ready to attach. */
  onUploaded: (file: FileDetail) => void;
};

/** Uploads a CSV without leaving the chat, with progress and a way to cancel. */
export function UploadFileButton({ onUploaded }: UploadFileButtonProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const controller = useRef<AbortController | null>(null);
  const upload = useUploadFile();
  const [progress, setProgress] = useState<{ name: string; percent: number | null } | null>(null);

  const start = (file: File) => {
    controller.current = new AbortController();
    setProgress({ name: file.name, percent: 0 });
    upload.mutate(
      {
        file,
        signal: controller.current.signal,
        onProgress: ({ loaded, total }) =>
          // Every byte sent: the server now reads and profiles the file.
          setProgress({
            name: file.name,
            percent: loaded >= total ? null : (loaded / total) * 100,
          }),
      },
      {
        onSuccess: (saved) => onUploaded(saved),
        onSettled: () => setProgress(null),
      },
    );
  };

  const failure =
    upload.isError && !isAbortError(upload.error) ? getErrorMessage(upload.error) : null;

  return (
    <Stack gap="2">
      {progress ? (
        <Stack gap="1.5" p="3" borderWidth="1px" rounded="lg">
          <HStack justify="space-between" gap="2">
            <Text textStyle="sm" truncate>
              {progress.percent === null
                ? `Reading ${progress.name}…`
                : `Uploading ${progress.name}… ${Math.floor(progress.percent)}%`}
            </Text>
            <Button size="xs" variant="ghost" onClick={() => controller.current?.abort()}>
              <LuX aria-hidden />
              Cancel upload
            </Button>
          </HStack>
          <Progress.Root value={progress.percent} size="xs" colorPalette="brand">
            <Progress.Track rounded="full" aria-label={`Upload of ${progress.name}`}>
              <Progress.Range />
            </Progress.Track>
          </Progress.Root>
        </Stack>
      ) : (
        <Button variant="outline" onClick={() => inputRef.current?.click()}>
          <LuUpload aria-hidden />
          Upload a CSV file
        </Button>
      )}
      <FormAlert message={failure} title="The upload failed" />
      <input
        ref={inputRef}
        type="file"
        accept={ACCEPT}
        hidden
        aria-label="CSV file to upload"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (file) start(file);
        }}
      />
    </Stack>
  );
}
