// The tests' one SMTP sink: a real SMTP server (smtp-server), recording what it accepts. Faults are
// injected per recipient or per message: a 4xx or 5xx answer like a real server would give. The
// mail benchmark runs it in a child process with `keepMessages: false` (counts only).
import { createServer, type AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { parseMessage, type ParsedMessage } from "./mime";

export type Fault = { code: number; message: string } | null;

export type SmtpSink = {
  port: number;
  url: string;
  messages: ParsedMessage[];
  /** Messages accepted per recipient address (always counted, also with keepMessages: false). */
  accepted: Map<string, number>;
  /** Decide per RCPT TO: return a fault to refuse the recipient. */
  rcptFault: (address: string) => Fault;
  /** Decide after DATA: return a fault to refuse the message. */
  dataFault: (msg: ParsedMessage) => Fault;
  close(): Promise<void>;
};

function smtpError(f: { code: number; message: string }) {
  return Object.assign(new Error(f.message), { responseCode: f.code });
}

/** A port nothing listens on (for "server down" tests); start a sink on it later. */
export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", () => r()));
  const port = (srv.address() as AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

export type SinkOptions = {
  /** Parse and keep each message in `messages` (default); false: count recipients only. */
  keepMessages?: boolean;
  maxClients?: number;
};

export async function startSmtpSink(port = 0, opts: SinkOptions = {}): Promise<SmtpSink> {
  const keep = opts.keepMessages ?? true;
  const sink: SmtpSink = {
    port: 0,
    url: "",
    messages: [],
    accepted: new Map(),
    rcptFault: () => null,
    dataFault: () => null,
    close: async () => {},
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // Pooled client connections stay open; do not wait long for them on close.
    closeTimeout: 1000,
    size: 10 * 1024 * 1024,
    ...(opts.maxClients ? { maxClients: opts.maxClients } : {}),
    onRcptTo(address, _session, cb) {
      const f = sink.rcptFault(address.address);
      cb(f ? smtpError(f) : undefined);
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => keep && chunks.push(c));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        if (keep) {
          const msg = parseMessage(Buffer.concat(chunks).toString("utf8"), to);
          msg.envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
          const f = sink.dataFault(msg);
          if (f) return cb(smtpError(f));
          sink.messages.push(msg);
        }
        for (const r of to) sink.accepted.set(r, (sink.accepted.get(r) ?? 0) + 1);
        cb(null);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const addr = server.server.address() as AddressInfo;
  sink.port = addr.port;
  sink.url = `smtp://127.0.0.1:${addr.port}`;
  sink.close = () => new Promise<void>((r) => server.close(() => r()));
  return sink;
}
