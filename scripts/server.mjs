// The production HTTP server that `npm start` runs: Next.js's own request handler behind a plain
// node:http server, for one reason. Next.js passes a client's X-Forwarded-For through unchanged
// (it only fills it in when absent), so the app could not tell the socket's address from one the
// client made up. Here every request gets the socket's address in x-panelwave-peer, replacing
// anything the client sent; lib/http/client-ip.ts reads it (and X-Forwarded-For only when
// TRUST_PROXY says which proxies to believe).
//
// The respondent pages (/s, /j, /u, /d, /b, /c) are served by the same compiled route handlers
// without Next.js's request pipeline (scripts/respondent-routes.mjs): most of the CPU a page
// submit cost was that pipeline.
//
// HTTP_COMPRESSION=0 leaves compression to a reverse proxy in front (README, "Behind a reverse
// proxy"); 1 (the default) gzips pages here, which a bare `npm start` wants. lib/config checks the
// value at start (scripts/prepare.ts) with every other setting.
import { createServer } from "node:http";
import next from "next";
import { respondentRoutes } from "./respondent-routes.mjs";

const PEER_HEADER = "x-panelwave-peer";
const port = Number(process.env.PORT || 3000);
const compress = (process.env.HTTP_COMPRESSION ?? "").trim() !== "0";

// lib/http/client-ip.ts believes the peer header only when this process set it.
globalThis.__panelwavePeerHeader = true;

const app = next({ dev: false, dir: process.cwd(), port, hostname: "localhost" });
await app.prepare();
const handle = app.getRequestHandler();
const respondent = respondentRoutes({ dir: process.cwd(), compress });

const server = createServer(async (req, res) => {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  try {
    const served = respondent(req, res);
    if (served) await served;
    else await handle(req, res);
  } catch (err) {
    console.error(`Failed to handle request for ${req.url}`, err);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  }
});
server.on("error", (err) => {
  console.error(`Panelwave: cannot listen on port ${port}: ${err.message}`);
  process.exit(1);
});
server.listen(port, () => console.log(`Panelwave: listening on http://localhost:${port}`));

function stop(signal) {
  server.close();
  app.close().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  setTimeout(() => process.exit(signal === "SIGINT" ? 130 : 143), 5000).unref();
}
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => stop(sig));
