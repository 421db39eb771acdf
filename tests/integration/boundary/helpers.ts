// Posting to the public respondent routes in-process, as Next.js would call them: the route
// handlers of app/s, app/j and app/u on a test database (see tests/integration/api/helpers.ts).
import * as openLink from "../../../app/j/[study]/[wave]/route";
import * as personal from "../../../app/s/[token]/route";
import * as withdraw from "../../../app/s/[token]/withdraw/route";
import * as unsubscribe from "../../../app/u/[token]/route";

export const FORM = "application/x-www-form-urlencoded";

type Route = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const routes = {
  s: { GET: personal.GET as Route, POST: personal.POST as Route },
  withdraw: { GET: withdraw.GET as Route, POST: withdraw.POST as Route },
  j: { GET: openLink.GET as Route, POST: openLink.POST as Route },
  u: { GET: unsubscribe.GET as Route, POST: unsubscribe.POST as Route },
};

export type Target = { route: keyof typeof routes; path: string; params: Record<string, string> };
export const personalLink = (token: string): Target => ({ route: "s", path: `/s/${token}`, params: { token } });
export const withdrawLink = (token: string): Target => ({ route: "withdraw", path: `/s/${token}/withdraw`, params: { token } });
export const openLinkOf = (study: string, wave: string): Target => ({ route: "j", path: `/j/${study}/${wave}`, params: { study, wave } });
export const unsubscribeLink = (token: string): Target => ({ route: "u", path: `/u/${token}`, params: { token } });

export async function get(t: Target, o: { query?: string; lang?: string } = {}): Promise<Response> {
  const headers = new Headers({ "accept-language": o.lang ?? "uk" });
  return routes[t.route].GET(new Request(`http://localhost:3000${t.path}${o.query ?? ""}`, { headers }), { params: Promise.resolve(t.params) });
}

export async function post(t: Target, body: BodyInit | null, o: { type?: string | null; lang?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  const headers = new Headers({ "accept-language": o.lang ?? "uk", ...o.headers });
  if (o.type !== null) headers.set("content-type", o.type ?? FORM);
  const init = { method: "POST", headers, body, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit;
  return routes[t.route].POST(new Request(`http://localhost:3000${t.path}`, init), { params: Promise.resolve(t.params) });
}

/** A body of `total` bytes made as it is read; `pulled()` says how much was read. */
export function lazyBody(total: number, byte = 0x61, chunk = 64 * 1024) {
  let sent = 0;
  const piece = new Uint8Array(chunk).fill(byte);
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (sent >= total) return c.close();
      const n = Math.min(chunk, total - sent);
      sent += n;
      c.enqueue(n === chunk ? piece : piece.subarray(0, n));
    },
  }, { highWaterMark: 0 });
  return { stream, pulled: () => sent };
}

/** The hidden control fields of a rendered survey page, urlencoded, with the given answers. */
export function formOf(page: string, answers: [string, string][] = [], action = "next"): string {
  const v = (n: string) => new RegExp(`name="${n}" value="([^"]*)"`).exec(page)?.[1] ?? "";
  const p = new URLSearchParams([["_page", v("_page")], ["_rev", v("_rev")], ["_key", v("_key")], ["_lang", v("_lang")], ["_action", action], ...answers]);
  return p.toString();
}
