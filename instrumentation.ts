// Next.js start-up hook: runs once per server process (next start / next dev, not next build).
// Starts the background worker (waves, invitations, reminders, mail) in the Node.js runtime only;
// PANELWAVE_WORKER=0 turns it off (e.g. on web-only instances).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startWorkerFromEnv } = await import("./lib/jobs/start-worker");
    await startWorkerFromEnv();
  }
}
