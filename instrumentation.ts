// Next.js start-up hook: runs once per server process (next start / next dev, not next build).
// Starts the background worker (waves, invitations, reminders, mail) in the Node.js runtime only;
// PANELWAVE_WORKER=0 turns it off (e.g. on web-only instances); and, when BOUNCE_SMTP_PORT is set,
// the inbound SMTP listener for bounce reports.
export async function register() {
  // NEXT_RUNTIME is Next.js's own marker, not a setting: it is read here, as Next documents, so
  // the edge bundle leaves the worker out. Panelwave's settings are read in lib/config only.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startBounceListenerFromEnv, startWorkerFromEnv } = await import("./lib/jobs/start-worker");
    await startWorkerFromEnv();
    // BOUNCE_SMTP_PORT set: the inbound listener for bounce reports (docs/bounces.md).
    await startBounceListenerFromEnv();
  }
}
