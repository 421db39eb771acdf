// A counting SMTP sink for the mail benchmark, run as a child process so it has its own core.
// Counts accepted messages per recipient; answers { cmd: "stats", prefix, n } over IPC with the
// distinct, duplicate and missing counts for recipients <prefix><i>@bench.test, i < n.
import { SMTPServer } from "smtp-server";

const counts = new Map<string, number>();
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  closeTimeout: 1000,
  maxClients: 100,
  onData(stream, session, cb) {
    stream.on("data", () => {});
    stream.on("end", () => {
      for (const r of session.envelope.rcptTo) counts.set(r.address, (counts.get(r.address) ?? 0) + 1);
      cb(null);
    });
  },
});

// Never outlive the benchmark, whatever way it ends.
process.on("disconnect", () => process.exit(0));

server.listen(0, "127.0.0.1", () => {
  const addr = server.server.address() as { port: number };
  process.send!({ ready: true, port: addr.port });
});

process.on("message", (m: { cmd: string; prefix?: string; n?: number }) => {
  if (m.cmd === "stats") {
    let distinct = 0;
    let duplicates = 0;
    for (let i = 0; i < (m.n ?? 0); i++) {
      const c = counts.get(`${m.prefix}${i}@bench.test`) ?? 0;
      if (c > 0) distinct++;
      if (c > 1) duplicates += c - 1;
    }
    let total = 0;
    for (const [to, c] of counts) if (to.startsWith(m.prefix ?? "")) total += c;
    process.send!({ stats: { distinct, duplicates, missing: (m.n ?? 0) - distinct, total } });
  } else if (m.cmd === "exit") {
    server.close(() => process.exit(0));
  }
});
