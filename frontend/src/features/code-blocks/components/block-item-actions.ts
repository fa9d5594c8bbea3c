import type { CodeBlockSummary } from "@/client";
import type { ExportFormat } from "../api";

/** What the grid and the list hand each card or row. */
export type BlockItemActions = {
  tagSuggestions: string[];
  onTagClick: (tag: string) => void;
  exportingId: string | null;
  onOpen: (block: CodeBlockSummary) => void;
  onCopy: (block: CodeBlockSummary) => void;
  onUseInChat: (block: CodeBlockSummary) => void;
  onExport: (block: CodeBlockSummary, format: ExportFormat) => void;
  onDelete: (block: CodeBlockSummary) => void;
};
