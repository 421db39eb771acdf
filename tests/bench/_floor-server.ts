// The respondent bench's floor: a bare node:http server that does per request what the database
// part of /s/<token> does, with the very same prepared statements (db/queries: the invitation
// context, the one-statement page save with the invitation's progress), and answers a page of the
// size the app's pages had. No Next.js, no validation, no rendering: what the machine allows.
// Run by tests/bench/respondent.ts as a child process (its CPU is read from /proc like the app's):
//   DATABASE_URL=… FLOOR_PORT=… FLOOR_PAGE_BYTES=… tsx tests/bench/_floor-server.ts
import { createServer } from "node:http";
import { openServerDb } from "../../db/client";
import { findInvitationContext } from "../../db/queries/invitations";
import { savePage } from "../../db/queries/responses";
import { hashToken } from "../../lib/crypto/tokens";

const port = Number(process.env.FLOOR_PORT);
const pageBytes = Number(process.env.FLOOR_PAGE_BYTES || 8000);
const pages = Number(process.env.FLOOR_PAGES || 10);

async function main() {
  const handle = await openServerDb(process.env.DATABASE_URL!, { max: 10 });
  const db = handle.db;
  const page = (p: string, rev: number) => {
    const head = `<!doctype html><form method=post><input name="_page" value="${p}"><input name="_rev" value="${rev}"><input name="_key" value="k${rev}">`;
    return head + "x".repeat(Math.max(0, pageBytes - head.length));
  };
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url!, "http://floor");
      const token = url.pathname.slice(3);
      const ctx = await findInvitationContext(db, hashToken(token));
      if (!ctx) {
        res.writeHead(404).end();
        return;
      }
      const r = ctx.response?.id ? ctx.response : null;
      if (req.method === "GET") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(r?.currentPage ?? "p1", r?.revision ?? 0));
        return;
      }
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      const send = form.get("_action") === "send";
      const pageNo = Number((form.get("_page") ?? "p1").slice(1));
      const answers: Record<string, unknown> = { ...((r?.answers as Record<string, unknown>) ?? {}) };
      for (const [k, v] of form) if (!k.startsWith("_")) answers[k] = k.startsWith("number_") ? Number(v) : v;
      const next = send ? null : pageNo < pages ? `p${pageNo + 1}` : `p${pageNo}`;
      await savePage(db, {
        ...(r ? { id: r.id, expectedRevision: r.revision } : { create: { waveId: ctx.waveId, studyId: ctx.studyId, participantId: ctx.participantId } }),
        invitationId: ctx.invitationId, progress: send ? "completed" : "started", answers, currentPage: next, language: "en",
        submitKey: form.get("_key"), completed: send, pendingContact: null, now: new Date(),
      });
      res.writeHead(303, { location: send ? `/s/${token}?done=1` : `/s/${token}` }).end();
    } catch (e) {
      console.error(e);
      res.writeHead(500).end();
    }
  });
  server.listen(port, () => console.error(`[floor] listening on ${port}`));
  process.on("SIGTERM", () => {
    server.close();
    void handle.close().finally(() => process.exit(0));
  });
}

void main();
