// What the bounce listener does with one received message: which of our messages it is about (its
// VERP recipient), what the report says, and applyBounce. Never throws for bad input: an unreadable
// report, or one for an unknown or forged address, is logged as one JSON line and dropped.
import type { Db } from "../../../db/client";
import { applyBounce } from "./apply-bounce";
import { classifyDsn, parseDsn } from "./parse-dsn";
import { readVerpAddress } from "./verp";

export type BounceLog = (entry: Record<string, unknown>) => void;

/** One structured line on stderr: {"event":"bounce.ignored",...}. */
export const defaultBounceLog: BounceLog = (entry) => console.warn(JSON.stringify({ at: new Date().toISOString(), ...entry }));

export type DsnOutcome = "hard" | "soft" | "duplicate" | "unknown_address" | "unknown_message" | "not_a_report" | "no_failure";

export type HandleDsnOptions = { db: Db; key: Buffer; domain: string; now: Date; log?: BounceLog };

/**
 * Applies a report received for `recipients` (the envelope's RCPT TO). A database failure is the
 * only error it throws (the listener answers 451 then, so the sending server tries again).
 */
export async function handleDsn(raw: Buffer | string, recipients: string[], opts: HandleDsnOptions): Promise<DsnOutcome> {
  const log = opts.log ?? defaultBounceLog;
  const ids = [...new Set(recipients.map((r) => readVerpAddress(opts.key, r, opts.domain)).filter((id): id is number => id !== null))];
  if (ids.length === 0) {
    log({ event: "bounce.ignored", reason: "unknown_address", recipients: recipients.length });
    return "unknown_address";
  }
  const report = parseDsn(raw);
  if (!report) {
    log({ event: "bounce.ignored", reason: "not_a_report", outboxIds: ids, bytes: raw.length });
    return "not_a_report";
  }
  const verdict = classifyDsn(report);
  if (!verdict) {
    log({ event: "bounce.ignored", reason: "no_failure", outboxIds: ids, actions: report.recipients.map((r) => r.action).slice(0, 5) });
    return "no_failure";
  }
  let outcome: DsnOutcome = verdict.hard ? "hard" : "soft";
  for (const outboxId of ids) {
    const r = await applyBounce(opts.db, { outboxId, hard: verdict.hard, action: verdict.action, status: verdict.status, diagnostic: verdict.diagnostic, at: opts.now, source: "dsn" });
    if (!r.applied) {
      log({ event: "bounce.ignored", reason: r.reason, outboxId });
      outcome = r.reason;
    } else {
      log({ event: "bounce.applied", outboxId, hard: verdict.hard, action: verdict.action, status: verdict.status, contactBounced: r.contactBounced });
    }
  }
  return outcome;
}
