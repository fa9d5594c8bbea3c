// What the run views need of a run: ExecutionPublic (the generated client's) satisfies it, so chat
// and library pass their runs as they are.

export type RunStatus = "succeeded" | "failed" | "timed_out" | "refused";

export type RunErrorShown = { kind: string; message: string; traceback?: string[] };

export type RunShown = {
  id: string;
  status: RunStatus;
  duration_ms: number;
  stdout: string;
  result: unknown;
  figures: string[];
  figures_left_out?: number;
  error: RunErrorShown | null;
  has_csv: boolean;
};

/** Saves a run's whole table as CSV (each feature downloads through its own api.ts). */
export type DownloadCsv = (runId: string) => Promise<unknown>;
