/**
 * The `redirect` search parameter comes from the URL, so only same-origin paths are followed
 * ("/settings?tab=password"); anything else ("https://evil.example", "//evil.example") goes home.
 */
export function safeRedirectTarget(redirect: string | undefined): string {
  if (!redirect) return "/";
  const sameOrigin =
    redirect.startsWith("/") && !redirect.startsWith("//") && !redirect.startsWith("/\\");
  if (!sameOrigin || redirect.startsWith("/login")) return "/";
  return redirect;
}
