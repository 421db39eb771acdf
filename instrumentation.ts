// Next.js start-up hook: runs once per server process (next start / next dev, not next build).
// Starts the background worker (waves, invitations, reminders, mail) in the Node.js runtime only.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.PANELWAVE_WORKER === "0") return;
  const { startWorkerFromEnv } = await import("./lib/jobs/start-worker");
  await startWorkerFromEnv();
}
