import { reportUnauthorized } from "./api-client";
import { type ApiErrorBody, isApiError } from "./api-error";
import { getAccessToken } from "./auth-token";

export type UploadProgress = { loaded: number; total: number };

type UploadRequestOptions = {
  url: string;
  body: FormData;
  /** Bytes sent so far, as the browser reports them. */
  onProgress?: (progress: UploadProgress) => void;
  /** Every byte has left the browser; the server is now reading the file. */
  onSent?: () => void;
  signal?: AbortSignal;
};

const NETWORK_DETAIL =
  "The upload was interrupted before the server answered. Check your connection and try again.";
const SESSION_DETAIL = "Your session has expired. Log in again, then upload the file again.";
const TOO_LARGE_DETAIL = "The file is too large for the server to accept.";
const UNAVAILABLE_DETAIL = "The server is not available right now. Try again in a moment.";

function failure(error: string, detail: string): ApiErrorBody {
  return { error, detail };
}

function parseBody(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/** The {error, detail} to show for a response that is not a success. */
function responseFailure(status: number, body: unknown): ApiErrorBody {
  if (isApiError(body) && body.detail.trim()) return body;
  if (status === 401) return failure("Unauthorized", SESSION_DETAIL);
  if (status === 413) return failure("FileTooLarge", TOO_LARGE_DETAIL);
  if (status === 502 || status === 503 || status === 504) {
    return failure("ServerUnavailable", UNAVAILABLE_DETAIL);
  }
  return failure(
    "HttpError",
    `The server could not take the upload (error ${status}). Try again; if it keeps happening, tell your administrator.`,
  );
}

/** True when the request was stopped through its AbortSignal (the user cancelled). */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

/**
 * POSTs a multipart body with XMLHttpRequest, because fetch cannot report upload progress.
 * Resolves with the parsed JSON answer; rejects with {error, detail} like the generated client,
 * or with an AbortError when `signal` aborts. A 401 ends the session the same way as other calls.
 */
export function uploadRequest<T>({
  url,
  body,
  onProgress,
  onSent,
  signal,
}: UploadRequestOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException("The upload was cancelled.", "AbortError"));
      return;
    }
    const xhr = new XMLHttpRequest();
    const token = getAccessToken();
    const abort = () => xhr.abort();

    xhr.open("POST", url);
    xhr.responseType = "text";
    xhr.setRequestHeader("Accept", "application/json");
    if (token) xhr.setRequestHeader("Authorization", `Bearer ${token}`);

    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.({ loaded: event.loaded, total: event.total });
    };
    xhr.upload.onload = () => onSent?.();
    xhr.onload = () => {
      signal?.removeEventListener("abort", abort);
      const parsed = parseBody(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(parsed as T);
        return;
      }
      if (xhr.status === 401 && token) reportUnauthorized();
      reject(responseFailure(xhr.status, parsed));
    };
    xhr.onerror = () => {
      signal?.removeEventListener("abort", abort);
      reject(failure("NetworkError", NETWORK_DETAIL));
    };
    xhr.onabort = () => {
      signal?.removeEventListener("abort", abort);
      reject(new DOMException("The upload was cancelled.", "AbortError"));
    };

    signal?.addEventListener("abort", abort, { once: true });
    xhr.send(body);
  });
}
