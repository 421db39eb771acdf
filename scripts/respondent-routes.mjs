// The respondent pages served outside Next.js's request pipeline (issue 15). The pages a
// respondent submits (/s, /j, /u, /d, /b, /c) are plain strings from lib/respondent; Next.js's
// router, its per-request work and its header rewriting cost more CPU than the page itself. Here
// the same compiled route handlers (the production build's own route modules: the same code in
// lib/respondent, the same module instances as Next.js's, so one database pool and one runtime)
// are called with a web Request and their Response written back. Anything else, and any method a
// route does not export, goes to Next.js as before.
import { createRequire } from "node:module";
import { join } from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";

const require = createRequire(import.meta.url);

/** Path pattern → the route module in .next/server/app and the names of its parameters. */
const ROUTES = [
  [/^\/s\/([^/]+)$/, "s/[token]", ["token"]],
  [/^\/s\/([^/]+)\/withdraw$/, "s/[token]/withdraw", ["token"]],
  [/^\/j\/([^/]+)\/([^/]+)$/, "j/[study]/[wave]", ["study", "wave"]],
  [/^\/u\/([^/]+)$/, "u/[token]", ["token"]],
  [/^\/d\/c\/([^/]+)$/, "d/c/[token]", ["token"]],
  [/^\/d\/([^/]+)$/, "d/[token]", ["token"]],
  [/^\/b\/([^/]+)$/, "b/[token]", ["token"]],
  [/^\/c\/([^/]+)$/, "c/[token]", ["token"]],
];

const loaded = new Map();

/** The route's GET/POST…, loaded once from the build (null when the build has no such route). */
function routeHandlers(dir, route) {
  if (!loaded.has(route)) {
    let userland = null;
    try {
      userland = require(join(dir, ".next", "server", "app", route, "route.js")).routeModule?.userland ?? null;
    } catch {
      userland = null;
    }
    loaded.set(route, userland);
  }
  return loaded.get(route);
}

/**
 * Returns a node:http handler for the respondent routes, or undefined for a request Next.js
 * should serve. `compress`: gzip pages for clients that accept it (off behind a proxy that does).
 */
export function respondentRoutes({ dir, compress }) {
  return (req, res) => {
    if (req.method !== "GET" && req.method !== "POST") return undefined;
    const q = req.url.indexOf("?");
    const path = q < 0 ? req.url : req.url.slice(0, q);
    for (const [pattern, route, names] of ROUTES) {
      const m = pattern.exec(path);
      if (!m) continue;
      const handlers = routeHandlers(dir, route);
      const fn = handlers?.[req.method];
      if (typeof fn !== "function") return undefined;
      // A malformed %-escape is passed on as it came: no token or slug has a %, so the handler
      // answers with its calm "unknown link" page (Next.js would answer a bare 500).
      const params = Object.fromEntries(names.map((n, i) => [n, decoded(m[i + 1])]));
      return serve(fn, params, req, res, compress);
    }
    return undefined;
  };
}

function decoded(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

async function serve(fn, params, req, res, compress) {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
  // x-panelwave-peer was set by the server from the socket (server.mjs): keep it, not a client's.
  headers.set("x-panelwave-peer", req.headers["x-panelwave-peer"] ?? "");
  // The handlers read only the path and query of the URL; the client's Host header is not trusted to make one.
  const url = `http://localhost${req.url}`;
  const request = new Request(url, req.method === "POST" ? { method: "POST", headers, body: Readable.toWeb(req), duplex: "half" } : { headers });
  const response = await fn(request, { params: Promise.resolve(params) });
  const out = {};
  response.headers.forEach((v, k) => {
    if (k !== "set-cookie") out[k] = v;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) out["set-cookie"] = cookies;
  // A post answered before its body was read (a closed link, a body over the page's limit): the
  // rest of the body is still on the connection, so the client is told not to reuse it (else its
  // next request on that socket meets a reset).
  if (!req.complete) {
    out.connection = "close";
    res.on("finish", () => req.socket.destroySoon?.() ?? req.socket.end());
  }
  if (!response.body) {
    res.writeHead(response.status, out).end();
    return;
  }
  const body = Buffer.from(await response.arrayBuffer());
  // Compressed like Next.js does it (gzip, above 1 KB), when the client accepts it.
  if (compress && body.length > 1024 && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
    // One synchronous call on the whole page (a few KB: about 0.1 ms). A zlib stream with
    // pipeline() per response cost more CPU than the compression itself, and the asynchronous
    // zlib.gzip (libuv's thread pool) 0.2–0.3 ms more per submit in the respondent bench (issue 15).
    const zipped = gzipSync(body);
    out["content-encoding"] = "gzip";
    out.vary = out.vary ? `${out.vary}, Accept-Encoding` : "Accept-Encoding";
    out["content-length"] = String(zipped.length);
    res.writeHead(response.status, out).end(zipped);
    return;
  }
  out["content-length"] = String(body.length);
  res.writeHead(response.status, out).end(body);
}
