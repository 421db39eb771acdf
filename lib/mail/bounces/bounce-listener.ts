// The inbound SMTP listener for bounce reports (smtp-server), started when BOUNCE_SMTP_PORT is set.
// It accepts mail only for the bounce domain (others are refused at RCPT TO), at most `maxBytes` a
// message and `ratePerMinute` messages a minute per client, and hands each message to handleDsn.
// Malformed input is logged and accepted (retrying it would not help); only a database failure
// answers 451 so the sender tries again. See docs/bounces.md.
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import type { Db } from "../../../db/client";
import { defaultBounceLog, handleDsn, type BounceLog, type DsnOutcome } from "./handle-dsn";
import { isOnBounceDomain } from "./verp";

export const DEFAULT_BOUNCE_MAX_BYTES = 256 * 1024;

export type BounceListenerOptions = {
  db: Db;
  /** The personal-data key (the VERP tags are signed with it). */
  key: Buffer;
  domain: string;
  port: number;
  host?: string;
  maxBytes?: number;
  /** Messages a minute each client address may send (default 600). */
  ratePerMinute?: number;
  maxClients?: number;
  clock?: () => Date;
  log?: BounceLog;
  /** Called after each message is handled (tests and the benchmark count outcomes). */
  onOutcome?: (outcome: DsnOutcome) => void;
};

export type BounceListener = { port: number; close(): Promise<void> };

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/** A fixed one-minute window of message counts per client address. */
function perClientLimit(perMinute: number, clock: () => Date) {
  let windowStart = clock().getTime();
  let counts = new Map<string, number>();
  return (client: string): boolean => {
    const now = clock().getTime();
    if (now - windowStart >= 60_000) {
      windowStart = now;
      counts = new Map();
    }
    const n = (counts.get(client) ?? 0) + 1;
    counts.set(client, n);
    return n <= perMinute;
  };
}

export async function startBounceListener(opts: BounceListenerOptions): Promise<BounceListener> {
  const log = opts.log ?? defaultBounceLog;
  const clock = opts.clock ?? (() => new Date());
  const maxBytes = opts.maxBytes ?? DEFAULT_BOUNCE_MAX_BYTES;
  const allow = perClientLimit(opts.ratePerMinute ?? 600, clock);
  const client = (s: SMTPServerSession) => s.remoteAddress || "unknown";

  const server = new SMTPServer({
    name: opts.domain,
    banner: "Panelwave bounce receiver",
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    size: maxBytes,
    maxClients: opts.maxClients ?? 50,
    socketTimeout: 60_000,
    closeTimeout: 1000,
    onMailFrom(_address, session, cb) {
      if (!allow(client(session))) {
        log({ event: "bounce.refused", reason: "rate", client: client(session) });
        return cb(smtpError(451, "4.7.1 Too many messages, try again later"));
      }
      cb();
    },
    onRcptTo(address, session, cb) {
      if (!isOnBounceDomain(address.address, opts.domain)) return cb(smtpError(550, "5.1.1 Not a bounce address here"));
      if (session.envelope.rcptTo.length >= 10) return cb(smtpError(452, "4.5.3 Too many recipients"));
      cb();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let bytes = 0;
      // Answer once, whatever the stream does after an error.
      let answered = false;
      const cb = (err: Error | null) => {
        if (answered) return;
        answered = true;
        callback(err);
      };
      stream.on("data", (c: Buffer) => {
        bytes += c.length;
        if (bytes <= maxBytes) chunks.push(c);
      });
      stream.on("error", () => cb(smtpError(451, "4.3.0 Read error")));
      stream.on("end", () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded || bytes > maxBytes) {
          log({ event: "bounce.refused", reason: "size", bytes, client: client(session) });
          return cb(smtpError(552, `5.3.4 Message too big (at most ${maxBytes} bytes)`));
        }
        const rcpts = session.envelope.rcptTo.map((r) => r.address);
        handleDsn(Buffer.concat(chunks), rcpts, { db: opts.db, key: opts.key, domain: opts.domain, now: clock(), log }).then(
          (outcome) => {
            opts.onOutcome?.(outcome);
            cb(null);
          },
          (err: Error) => {
            log({ event: "bounce.error", message: err.message });
            cb(smtpError(451, "4.3.0 Temporary failure, try again later"));
          },
        );
      });
    },
  });
  // A broken client connection must never take the process down.
  server.on("error", (err: Error) => log({ event: "bounce.listener_error", message: err.message }));
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(opts.port, opts.host ?? "0.0.0.0", () => {
      server.server.off("error", reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, close: () => new Promise<void>((r) => server.close(() => r())) };
}
