import type { ExecutionPublic } from "@/client";

/** The name of a run's file, also after the file was deleted. */
export function runFileName(run: ExecutionPublic): string {
  return run.files.map((file) => file.filename).join(", ") || "A deleted file";
}
