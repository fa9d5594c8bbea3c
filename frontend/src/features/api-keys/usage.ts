import type { Usage, UsageMonth } from "@/client";

export type MonthUsage = {
  month: string;
  rows: UsageMonth[];
  inputTokens: number;
  outputTokens: number;
  calls: number;
};

/** The server's rows (newest month first) gathered per month, with each month's totals. */
export function groupUsageByMonth(usage: Usage): MonthUsage[] {
  const months: MonthUsage[] = [];
  for (const row of usage.months) {
    let month = months.at(-1);
    if (month?.month !== row.month) {
      month = { month: row.month, rows: [], inputTokens: 0, outputTokens: 0, calls: 0 };
      months.push(month);
    }
    month.rows.push(row);
    month.inputTokens += row.input_tokens;
    month.outputTokens += row.output_tokens;
    month.calls += row.calls;
  }
  return months;
}

const monthFormat = new Intl.DateTimeFormat(undefined, {
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** "2026-11" -> "November 2026" (months are counted in UTC by the server). */
export function formatMonth(month: string): string {
  const [year, index] = month.split("-").map(Number);
  if (!year || !index) return month;
  return monthFormat.format(new Date(Date.UTC(year, index - 1, 1)));
}
