import { client } from "@/client/client.gen";
import { clearAccessToken, getAccessToken } from "./auth-token";

type ApiClientOptions = {
  /** Called once the token is cleared after the server rejected it (expired, revoked, user gone). */
  onUnauthorized: () => void;
};

let unauthorizedInterceptor: number | null = null;
let unauthorizedHandler: (() => void) | null = null;

/**
 * Ends the session after the server answered 401 to a request that carried a token.
 * Requests made outside the generated client (the XHR upload) report their 401s here too,
 * so every expired session ends the same way: back to login, with a way back.
 */
export function reportUnauthorized(): void {
  clearAccessToken();
  unauthorizedHandler?.();
}

/**
 * Points the generated client at the same origin (Vite proxies /api in development), sends the
 * bearer token, and turns a 401 on an authenticated call into a logout.
 */
export function configureApiClient({ onUnauthorized }: ApiClientOptions): void {
  unauthorizedHandler = onUnauthorized;
  client.setConfig({
    baseUrl: "",
    auth: () => getAccessToken() ?? undefined,
  });

  if (unauthorizedInterceptor !== null) {
    client.interceptors.response.eject(unauthorizedInterceptor);
  }
  unauthorizedInterceptor = client.interceptors.response.use((response, request) => {
    // Only a request that carried a token can mean "your session is over"; a failed login is a 400.
    if (response.status === 401 && request.headers.has("Authorization")) {
      reportUnauthorized();
    }
    return response;
  });
}
