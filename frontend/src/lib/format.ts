// Numbers, sizes and dates as people read them, in the browser's locale.

const integerFormat = new Intl.NumberFormat();
const decimalFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat(undefined, {
  style: "percent",
  maximumFractionDigits: 1,
});
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: "medium",
  timeStyle: "short",
});
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });

const BYTE_UNITS = ["B", "KB", "MB", "GB", "TB"] as const;

/** 1536 -> "1.5 KB" (powers of 1024, the way operating systems show file sizes). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "–";
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${BYTE_UNITS[unit]}`;
}

export function formatInteger(value: number): string {
  return integerFormat.format(value);
}

/** 1 -> "1 row", 1234 -> "1,234 rows". */
export function formatCount(value: number, singular: string, plural: string): string {
  return `${integerFormat.format(value)} ${value === 1 ? singular : plural}`;
}

/** Up to two decimals, without trailing zeros: 3.14159 -> "3.14", 2 -> "2". */
export function formatDecimal(value: number): string {
  return decimalFormat.format(value);
}

/** A fraction between 0 and 1 as a percentage: 0.125 -> "12.5%". */
export function formatPercent(fraction: number): string {
  return percentFormat.format(fraction);
}

export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 7],
];

/** "just now", "5 minutes ago", "yesterday"; past a week the date itself. */
export function formatRelativeTime(iso: string, now: number = Date.now()): string {
  const date = new Date(iso);
  let delta = (date.getTime() - now) / 1000;
  if (Math.abs(delta) < 45) return "just now";
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(delta) < size) return relativeFormat.format(Math.round(delta), unit);
    delta /= size;
  }
  return dateTimeFormat.format(date);
}
