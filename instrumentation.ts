// Next.js start-up hook: runs once per server process (next start / next dev, not next build).
// Starts the background worker (waves, invitations, reminders, mail) in the Node.js runtime only;
// PANELWAVE_WORKER=0 turns it off (e.g. on web-only instances). Without TRUST_PROXY, client-sent
// forwarded-address headers are dropped before any route reads them (lib/http/client-address.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { parseTrustProxy } = await import("./lib/config/load-config");
    const { ignoreForwardedHeaders } = await import("./lib/http/client-address");
    ignoreForwardedHeaders(parseTrustProxy(process.env.TRUST_PROXY));
    const { startWorkerFromEnv } = await import("./lib/jobs/start-worker");
    await startWorkerFromEnv();
  }
}
