// Starts the worker once per process from the configuration (instrumentation.ts calls this).
// PANELWAVE_WORKER=0 turns it off (e.g. for web-only instances); MAIL_RATE_PER_SECOND limits the
// send rate of this process; MAIL_DRAIN_SLOTS sets how many drain jobs may run at once overall.
import { getDbHandle } from "../../db";
import { loadConfig } from "../config/load-config";
import { startWorker, type Worker } from "./worker";
import { startBounceListener, type BounceListener } from "../mail/bounces/bounce-listener";
import { bounceDomainOf } from "../mail/bounces/verp";

const g = globalThis as unknown as { __panelwaveWorker?: Promise<Worker | null>; __panelwaveBounces?: Promise<BounceListener | null> };

/**
 * Starts the inbound listener for bounce reports once per process when BOUNCE_SMTP_PORT is set
 * (also on an instance without a worker: it only writes bounces). docs/bounces.md.
 */
export function startBounceListenerFromEnv(): Promise<BounceListener | null> {
  if (!g.__panelwaveBounces) {
    g.__panelwaveBounces = (async () => {
      const config = loadConfig();
      if (config.bounceSmtpPort === null) return null;
      const handle = await getDbHandle(config);
      const domain = bounceDomainOf(config.mailFrom, config.bounceDomain);
      const listener = await startBounceListener({
        db: handle.db, key: config.personalDataKey, domain, port: config.bounceSmtpPort, host: config.bounceSmtpHost, ratePerMinute: config.bounceSmtpRatePerMinute,
      });
      console.log(`[bounces] listening on ${config.bounceSmtpHost}:${listener.port} for mail to @${domain}`);
      return listener;
    })().catch((err: Error) => {
      console.error(`[bounces] listener not started: ${err.message}`);
      g.__panelwaveBounces = undefined;
      return null;
    });
  }
  return g.__panelwaveBounces;
}

export function startWorkerFromEnv(): Promise<Worker | null> {
  if (!g.__panelwaveWorker) {
    g.__panelwaveWorker = (async () => {
      const config = loadConfig();
      if (!config.workerEnabled) return null;
      const handle = await getDbHandle(config);
      const worker = await startWorker({
        handle,
        connectionString: config.databaseUrl,
        config,
        ratePerSecond: config.mailRatePerSecond,
        drainSlots: config.mailDrainSlots,
      });
      // No signal handlers here: Next owns shutdown, and rows a stopped worker held are reclaimed
      // after their lease (docs/outbox.md).
      return worker;
    })().catch((err: Error) => {
      // The app keeps serving without a worker; mail waits in the outbox until one runs.
      console.error(`[worker] not started: ${err.message}`);
      g.__panelwaveWorker = undefined;
      return null;
    });
  }
  return g.__panelwaveWorker;
}
