import { useCallback, useEffect, useMemo, useSyncExternalStore } from "react";
import { useUploadSettled } from "./api";
import { uploadQueue } from "./upload-queue";

/** The signed-in user's uploads, and what the page can do with them. */
export function useUploads(ownerId: string) {
  const all = useSyncExternalStore(uploadQueue.subscribe, uploadQueue.getSnapshot);
  const onSettled = useUploadSettled();

  // Another account signed in in this tab: its predecessor's uploads stop and disappear.
  useEffect(() => uploadQueue.keepOnly(ownerId), [ownerId]);

  const uploads = useMemo(() => all.filter((upload) => upload.ownerId === ownerId), [all, ownerId]);

  const add = useCallback(
    (files: File[]) => {
      if (files.length === 0) return;
      uploadQueue.add(files, ownerId, (upload) => void onSettled(upload.result));
    },
    [ownerId, onSettled],
  );

  return {
    uploads,
    add,
    cancel: uploadQueue.cancel,
    retry: uploadQueue.retry,
    dismiss: uploadQueue.dismiss,
    clearFinished: uploadQueue.clearFinished,
  };
}
