import type { ConversationSummary } from "@/client";

export type ConversationGroup = { label: string; conversations: ConversationSummary[] };

const DAY_MS = 24 * 60 * 60 * 1000;
const monthFormat = new Intl.DateTimeFormat(undefined, { month: "long", year: "numeric" });

function startOfDay(time: number): number {
  const date = new Date(time);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

function groupLabel(updatedAt: string, today: number): string {
  const time = new Date(updatedAt).getTime();
  if (time >= today) return "Today";
  if (time >= today - DAY_MS) return "Yesterday";
  if (time >= today - 7 * DAY_MS) return "Previous 7 days";
  if (time >= today - 30 * DAY_MS) return "Previous 30 days";
  return monthFormat.format(new Date(time));
}

/** Newest-first conversations under headings people scan by: Today, Yesterday, last week… */
export function groupByRecency(
  conversations: ConversationSummary[],
  now: number = Date.now(),
): ConversationGroup[] {
  const today = startOfDay(now);
  const groups: ConversationGroup[] = [];
  for (const conversation of conversations) {
    const label = groupLabel(conversation.updated_at, today);
    const last = groups.at(-1);
    if (last?.label === label) last.conversations.push(conversation);
    else groups.push({ label, conversations: [conversation] });
  }
  return groups;
}

export const UNTITLED = "New conversation";

export function conversationTitle(conversation: { title: string | null }): string {
  return conversation.title?.trim() || UNTITLED;
}

/**
 * A reply's first words as plain text: the preview is cut from the markdown, so emphasis marks,
 * code fences, headings and table pipes are dropped.
 */
export function plainPreview(preview: string | null): string | null {
  if (!preview) return null;
  const text = preview
    .replace(/```[a-z0-9_+-]*/gi, " ")
    .replace(/[*_`#>|]+/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/:?-{3,}:?/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text || null;
}
