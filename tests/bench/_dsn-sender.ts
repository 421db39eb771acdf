// The bounce benchmark's DSN sender, a child process (its own core, like a remote mail server):
// given the listener's port and the jobs [outboxId, kind], it writes each report (Postfix, Exim,
// Gmail and Microsoft styles in turn; malformed ones; forged VERP tags) and sends them over a pool
// of SMTP connections, MAIL FROM:<>. Answers { done: { sent, refused, seconds } } over IPC.
import { createTransport } from "nodemailer";
import { verpAddress } from "../../lib/mail/bounces/verp";
import { DSN_STYLES, MALFORMED } from "../fixtures/dsn";

const KIND = { hard: 0, soft: 1, malformed: 2, forged: 3 } as const;

process.on("disconnect", () => process.exit(0));

const styles = Object.values(DSN_STYLES);
const malformed = [MALFORMED.autoReply, MALFORMED.noBoundary, MALFORMED.truncated, MALFORMED.noAction, MALFORMED.binaryJunk];

type Go = { port: number; key: string; domain: string; jobs: [number, number][]; connections: number };

process.on("message", async (m: Go) => {
  const key = Buffer.from(m.key, "base64");
  const pool = createTransport({ host: "127.0.0.1", port: m.port, pool: true, maxConnections: m.connections, maxMessages: 1000, ignoreTLS: true });
  let next = 0;
  let sent = 0;
  let refused = 0;
  const t = Date.now();
  await Promise.all(
    Array.from({ length: m.connections * 4 }, async () => {
      while (next < m.jobs.length) {
        const i = next++;
        const [id, kind] = m.jobs[i];
        let to = verpAddress(key, id, m.domain);
        let raw: string;
        if (kind === KIND.malformed) raw = malformed[i % malformed.length](to);
        else {
          if (kind === KIND.forged) to = to.replace(/-[0-9a-f]{16}@/, "-ffffffffffffffff@");
          raw = styles[i % styles.length]({ to, rcpt: `b-dsn-${id}@bench.test`, hard: kind !== KIND.soft });
        }
        try {
          await pool.sendMail({ envelope: { from: "", to: [to] }, raw });
          sent++;
        } catch {
          refused++;
        }
      }
    }),
  );
  pool.close();
  process.send!({ done: { sent, refused, seconds: (Date.now() - t) / 1000 } });
});
process.send!({ ready: true });
