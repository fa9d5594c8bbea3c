import type { FileDetail } from "@/client";
import { getErrorMessage } from "@/lib/api-error";
import { isAbortError } from "@/lib/upload-request";
import { uploadFile } from "./api";

// Uploads outlive the Files page: leaving it does not stop them, and coming back shows them again.
// The queue is a small external store read through useSyncExternalStore (see use-uploads.ts).

export type UploadStatus = "queued" | "uploading" | "processing" | "done" | "failed" | "cancelled";

export type Upload = {
  id: string;
  /** Whose upload this is, so another account in the same tab never sees it. */
  ownerId: string;
  file: File;
  status: UploadStatus;
  loaded: number;
  total: number;
  result: FileDetail | null;
  error: string | null;
};

/** Still moving: waiting, sending bytes, or waiting for the server to read the file. */
export function isActive(upload: Upload): boolean {
  return (
    upload.status === "queued" || upload.status === "uploading" || upload.status === "processing"
  );
}

type FinishedHandler = (upload: Upload) => void;

/** Two at a time: several large files in parallel only make each one slower. */
const MAX_CONCURRENT_UPLOADS = 2;

let uploads: Upload[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const controllers = new Map<string, AbortController>();
const finishedHandlers = new Map<string, FinishedHandler>();

function emit() {
  for (const listener of listeners) listener();
}

function update(id: string, patch: Partial<Upload>) {
  uploads = uploads.map((upload) => (upload.id === id ? { ...upload, ...patch } : upload));
  emit();
}

function finish(id: string, patch: Partial<Upload>) {
  controllers.delete(id);
  update(id, patch);
  const upload = uploads.find((item) => item.id === id);
  if (upload) finishedHandlers.get(id)?.(upload);
  pump();
}

async function run(upload: Upload) {
  const controller = new AbortController();
  controllers.set(upload.id, controller);
  update(upload.id, { status: "uploading", loaded: 0, error: null });
  try {
    const result = await uploadFile(upload.file, {
      signal: controller.signal,
      onProgress: ({ loaded, total }) => update(upload.id, { loaded, total }),
      onSent: () => update(upload.id, { status: "processing" }),
    });
    finish(upload.id, { status: "done", result });
  } catch (error) {
    if (isAbortError(error)) finish(upload.id, { status: "cancelled" });
    else finish(upload.id, { status: "failed", error: getErrorMessage(error) });
  }
}

function pump() {
  const running = uploads.filter((u) => u.status === "uploading" || u.status === "processing");
  const waiting = uploads.filter((u) => u.status === "queued");
  for (const upload of waiting.slice(0, MAX_CONCURRENT_UPLOADS - running.length)) {
    void run(upload);
  }
}

export const uploadQueue = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  getSnapshot: () => uploads,

  /** Queues the files (the newest batch on top) and starts as many as may run at once. */
  add(files: File[], ownerId: string, onFinished: FinishedHandler) {
    const added = files.map<Upload>((file) => ({
      id: `upload-${nextId++}`,
      ownerId,
      file,
      status: "queued",
      loaded: 0,
      total: file.size,
      result: null,
      error: null,
    }));
    for (const upload of added) finishedHandlers.set(upload.id, onFinished);
    uploads = [...added, ...uploads];
    emit();
    pump();
  },

  cancel(id: string) {
    const controller = controllers.get(id);
    if (controller) controller.abort();
    else finish(id, { status: "cancelled" });
  },

  retry(id: string) {
    update(id, { status: "queued", loaded: 0, error: null, result: null });
    pump();
  },

  dismiss(id: string) {
    controllers.get(id)?.abort();
    finishedHandlers.delete(id);
    uploads = uploads.filter((upload) => upload.id !== id);
    emit();
  },

  /** Forgets every upload that is no longer moving. */
  clearFinished() {
    const finished = uploads.filter((upload) => !isActive(upload));
    for (const upload of finished) finishedHandlers.delete(upload.id);
    uploads = uploads.filter((upload) => !finished.includes(upload));
    emit();
  },

  /** Stops and forgets every upload that does not belong to this account. */
  keepOnly(ownerId: string) {
    const others = uploads.filter((upload) => upload.ownerId !== ownerId);
    if (others.length === 0) return;
    for (const upload of others) {
      controllers.get(upload.id)?.abort();
      finishedHandlers.delete(upload.id);
    }
    uploads = uploads.filter((upload) => upload.ownerId === ownerId);
    emit();
  },
};
