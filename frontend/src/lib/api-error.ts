// Every API error has the shape {"error": "<Kind>", "detail": "<human sentence>"} (DESIGN.md section 5).
export type ApiErrorBody = { error: string; detail: string };

const FALLBACK_MESSAGE = "Something went wrong. Please try again.";
const NETWORK_MESSAGE = "Could not reach the server. Check your connection and try again.";

export function isApiError(value: unknown): value is ApiErrorBody {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { error?: unknown }).error === "string" &&
    typeof (value as { detail?: unknown }).detail === "string"
  );
}

/** True when the request failed with the given error kind, e.g. "LastAdmin". */
export function hasErrorKind(value: unknown, kind: string): boolean {
  return isApiError(value) && value.error === kind;
}

/** The message to show a person for any error a request can produce. */
export function getErrorMessage(value: unknown, fallback: string = FALLBACK_MESSAGE): string {
  if (isApiError(value) && value.detail.trim()) {
    return value.detail;
  }
  if (typeof value === "object" && value !== null && "detail" in value) {
    // FastAPI's default validation shape, in case a route answers it: [{msg, loc}, ...].
    const detail = (value as { detail: unknown }).detail;
    if (Array.isArray(detail)) {
      const messages = detail
        .map((item) => (typeof item?.msg === "string" ? item.msg : null))
        .filter((msg): msg is string => Boolean(msg));
      if (messages.length > 0) return messages.join(" ");
    }
  }
  if (value instanceof TypeError) {
    // fetch rejects with a TypeError when the server cannot be reached.
    return NETWORK_MESSAGE;
  }
  return fallback;
}
