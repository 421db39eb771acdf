// Is the PostgreSQL server reachable? Connection-level failures (refused, reset, closed, timed
// out, the server shutting down) open a process-wide circuit: while it is open, queries fail at
// once with DbUnavailable (a calm 503) instead of queueing for a connection, and one query a
// second goes through to find out whether the server is back; the first success closes it. Each
// change is logged once. One database per process, so one circuit.
import { unavailableError } from "./errors";

/** Driver and socket error codes that mean "no connection", not "this statement failed". */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN",
  "CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_DESTROYED", "CONNECTION_ENDED",
]);
/** SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, restart), 53300 (too many connections). */
const CONNECTION_SQLSTATE = /^(08|57P0[1-3]$|53300$)/;

const PROBE_EVERY_MS = 1000;

type Circuit = { open: boolean; since: number; nextProbe: number; reason: string; listeners: Set<() => void> };
const g = globalThis as unknown as { __panelwaveDbCircuit?: Circuit };
const circuit = (g.__panelwaveDbCircuit ??= { open: false, since: 0, nextProbe: 0, reason: "", listeners: new Set() });
circuit.listeners ??= new Set();

/**
 * Runs fn each time the circuit opens (a connection failed) or closes (the server answers again):
 * server-pool.ts renews its pool then.
 */
export function onDbCircuitChange(fn: () => void): () => void {
  circuit.listeners.add(fn);
  return () => {
    circuit.listeners.delete(fn);
  };
}

/** What an unreachable database throws: db's DbUnavailable or lib's ServiceUnavailable (errors.ts). */
export type UnavailableError = Error & { code: "unavailable"; status: 503; retryAfterSeconds: number };

/**
 * A DbUnavailable or a ServiceUnavailable, from this bundle's copy of lib/errors or another's (see
 * lib/errors/unavailable.ts). By shape, not class or name: the production build shortens names.
 */
export function isServiceUnavailable(err: unknown): err is UnavailableError {
  const e = err as Partial<UnavailableError> | null;
  return e?.code === "unavailable" && e.status === 503 && typeof e.retryAfterSeconds === "number";
}

function codeOf(err: unknown): string | undefined {
  const c = (err as { code?: unknown })?.code;
  return typeof c === "string" ? c : undefined;
}

/** Whether err (or an error it wraps) is a lost or refused connection to the database server. */
export function isConnectionFailure(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    if (isServiceUnavailable(e)) return true;
    const code = codeOf(e);
    if (code && (CONNECTION_CODES.has(code) || CONNECTION_SQLSTATE.test(code))) return true;
  }
  return false;
}

/** Records a failure; opens the circuit when it is a connection failure. */
export function noteDbFailure(err: unknown, now = Date.now()): void {
  if (!isConnectionFailure(err) || isServiceUnavailable(err)) return;
  circuit.nextProbe = now + PROBE_EVERY_MS;
  if (circuit.open) return;
  circuit.open = true;
  circuit.since = now;
  circuit.reason = [...chainCodes(err)].join("/") || "connection lost";
  console.error(`[db] the PostgreSQL server cannot be reached (${circuit.reason}): answering 503 until it is back`);
  changed();
}

function changed(): void {
  for (const fn of circuit.listeners) {
    try {
      fn();
    } catch (err) {
      console.error(`[db] could not renew the connection pool: ${(err as Error).message}`);
    }
  }
}

export function noteDbSuccess(now = Date.now()): void {
  if (!circuit.open) return;
  circuit.open = false;
  console.error(`[db] the PostgreSQL server answers again after ${((now - circuit.since) / 1000).toFixed(1)} s`);
  changed();
}

/** Throws DbUnavailable at once while the circuit is open, except for one probe a second. */
export function checkDbCircuit(now = Date.now()): void {
  if (!circuit.open) return;
  if (now >= circuit.nextProbe) {
    circuit.nextProbe = now + PROBE_EVERY_MS;
    return;
  }
  throw unavailableError();
}

export function dbCircuitOpen(): boolean {
  return circuit.open;
}

function chainCodes(err: unknown): Set<string> {
  const codes = new Set<string>();
  for (let e = err, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const c = codeOf(e);
    if (c) codes.add(c);
  }
  return codes;
}
