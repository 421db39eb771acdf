// The origins better-auth accepts for form posts and redirects: PUBLIC_URL only. Any port on
// localhost is added only when PUBLIC_URL is itself on this machine (the demo, tests), never in
// production, where a page on someone's own localhost could otherwise post sign-ins.

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Pure: the trusted origins for a PUBLIC_URL. */
export function trustedOrigins(publicUrl: string): string[] {
  const url = new URL(publicUrl);
  if (!LOCAL_HOSTS.has(url.hostname)) return [url.origin];
  return [url.origin, "http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*"];
}
