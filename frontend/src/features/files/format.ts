import type { FileSummary } from "@/client";

const DELIMITERS: Record<FileSummary["delimiter"], string> = {
  ",": "Comma",
  ";": "Semicolon",
  "\t": "Tab",
  "|": "Pipe",
};

const ENCODINGS: Record<FileSummary["encoding"], string> = {
  "utf-8": "UTF-8",
  "utf-8-sig": "UTF-8 with BOM",
  "utf-16-le": "UTF-16 LE",
  "utf-16-be": "UTF-16 BE",
  "windows-1252": "Windows-1252",
};

export function delimiterLabel(delimiter: FileSummary["delimiter"]): string {
  return DELIMITERS[delimiter] ?? delimiter;
}

export function encodingLabel(encoding: FileSummary["encoding"]): string {
  return ENCODINGS[encoding] ?? encoding;
}

export function compressionLabel(compression: FileSummary["compression"]): string {
  return compression === "gzip" ? "gzip" : "None";
}

/** "UTF-8 · Comma" or "UTF-8 · Tab · gzip": how the file was read, in one line. */
export function formatSummary(file: FileSummary): string {
  const parts = [encodingLabel(file.encoding), delimiterLabel(file.delimiter)];
  if (file.compression) parts.push(file.compression);
  return parts.join(" · ");
}

/** A cell or statistic as text; null is left to the caller, which shows it distinctly. */
export function formatValue(value: unknown): string {
  if (typeof value === "number") {
    if (Number.isInteger(value)) return String(value);
    return String(Number.parseFloat(value.toPrecision(6)));
  }
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  return JSON.stringify(value);
}

/** 64 hex characters are unreadable: the start and the end identify a file well enough. */
export function shortenHash(hash: string): string {
  return hash.length > 16 ? `${hash.slice(0, 8)}…${hash.slice(-8)}` : hash;
}
