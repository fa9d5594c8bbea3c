// The access token lives in localStorage so a reload or a new tab keeps the session (see the issue-2 contract).
const ACCESS_TOKEN_KEY = "access_token";

export function getAccessToken(): string | null {
  try {
    return window.localStorage.getItem(ACCESS_TOKEN_KEY);
  } catch {
    // Storage can be unavailable (privacy modes); the app then behaves as logged out.
    return null;
  }
}

export function setAccessToken(token: string): void {
  window.localStorage.setItem(ACCESS_TOKEN_KEY, token);
}

export function clearAccessToken(): void {
  try {
    window.localStorage.removeItem(ACCESS_TOKEN_KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
}

export function hasAccessToken(): boolean {
  return Boolean(getAccessToken());
}
