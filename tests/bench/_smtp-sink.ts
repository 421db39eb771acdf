// The mail benchmark's SMTP sink: the tests' sink (tests/integration/mail/helpers/smtp-sink.ts),
// counting only, run as a child process so it has its own core. Answers { cmd: "stats", prefix, n }
// over IPC with the distinct, duplicate and missing counts for recipients <prefix><i>@bench.test, i < n.
import { startSmtpSink } from "../integration/mail/helpers/smtp-sink";

// Never outlive the benchmark, whatever way it ends.
process.on("disconnect", () => process.exit(0));

const sink = await startSmtpSink(0, { keepMessages: false, maxClients: 100 });
process.send!({ ready: true, port: sink.port });

process.on("message", (m: { cmd: string; prefix?: string; n?: number }) => {
  if (m.cmd === "stats") {
    const counts = sink.accepted;
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
    void sink.close().then(() => process.exit(0));
  }
});
