// No other site may frame a Panelwave page. Every page and route handler in app/ (listed from the
// route tree, so a new one is covered as soon as it exists) gets anti-framing headers, matched by
// Next's own header matcher against next.config.ts; the respondent handlers send theirs
// themselves; only the instrument preview frame may be framed, by the app's own pages.
import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import loadCustomRoutes from "next/dist/lib/load-custom-routes.js";
import { buildCustomRoute } from "next/dist/server/lib/router-utils/filesystem.js";
import nextConfig from "../../../next.config";
import * as unsubscribe from "../../../app/u/[token]/route";
import { htmlOutcome, redirectOutcome } from "../../../lib/respondent/outcome";
import { toResponse } from "../../../lib/respondent/to-response";

const APP = join(import.meta.dirname, "../../../app");
const PREVIEW_FRAME = "/studies/ua-norway/instruments/00000000-0000-4000-8000-000000000000/frame";

/** Every URL path the app serves, one sample per page or route file: [param] → a value. */
function appPaths(dir = APP): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...appPaths(full));
    else if (/^(page\.tsx|route\.ts)$/.test(name)) {
      const segments = relative(APP, dir).split(sep).filter((s) => s && !/^\(.*\)$/.test(s));
      const sample = segments.map((s) => (s.startsWith("[...") ? "a/b" : s === "[version]" ? "00000000-0000-4000-8000-000000000000" : s.startsWith("[") ? "ua-norway" : s));
      out.push(`/${sample.join("/")}`);
    }
  }
  return out;
}

type Rule = { match: (path: string) => unknown; headers: { key: string; value: string }[] };

async function configHeaders(): Promise<(path: string) => Record<string, string>> {
  const load = ((loadCustomRoutes as unknown as { default?: typeof loadCustomRoutes }).default ?? loadCustomRoutes) as (c: unknown) => Promise<{ headers: unknown[] }>;
  const custom = await load({ ...nextConfig, basePath: "", i18n: null, trailingSlash: false, experimental: {} });
  const rules = custom.headers.map((h) => buildCustomRoute("header", h as never, "", false)) as unknown as Rule[];
  return (path) => {
    const out: Record<string, string> = {};
    for (const r of rules) if (r.match(path)) for (const h of r.headers) out[h.key.toLowerCase()] = h.value;
    return out;
  };
}

const isRespondent = (p: string) => /^\/(s|j|u)\//.test(p);

describe("anti-framing headers", () => {
  it("covers every staff page, API route and auth page from next.config.ts, with Next's own matcher", async () => {
    const headersFor = await configHeaders();
    const paths = appPaths();
    expect(paths.length).toBeGreaterThan(40);
    expect(paths).toContain(PREVIEW_FRAME);
    const wrong = paths
      .filter((p) => !isRespondent(p) && p !== PREVIEW_FRAME)
      .filter((p) => {
        const h = headersFor(p);
        return h["x-frame-options"] !== "DENY" || h["content-security-policy"] !== "frame-ancestors 'none'";
      });
    expect(wrong).toEqual([]);
    // Pages Next renders itself (a 404 anywhere, its own assets) too.
    for (const p of ["/no-such-page", "/studies/x/no-such", "/_next/static/chunks/x.js"]) expect(headersFor(p)["x-frame-options"], p).toBe("DENY");
  });

  it("leaves the respondent handlers' own Content-Security-Policy in place (Next would replace it) but still denies framing", async () => {
    const headersFor = await configHeaders();
    const respondent = appPaths().filter(isRespondent);
    expect(respondent.length).toBeGreaterThanOrEqual(4);
    for (const p of [...respondent, "/s/x/no-such"]) expect(headersFor(p), p).toEqual({ "x-frame-options": "DENY" });
  });

  it("lets only the app's own pages frame the instrument preview", async () => {
    const headersFor = await configHeaders();
    expect(headersFor(PREVIEW_FRAME)).toEqual({});
    expect(headersFor(`${PREVIEW_FRAME}/x`)["x-frame-options"]).toBe("DENY");
  });

  it("sends frame-ancestors 'none' and X-Frame-Options DENY from every respondent response", async () => {
    for (const res of [toResponse(htmlOutcome("<p>x</p>")), toResponse(redirectOutcome("/s/x")), await unsubscribe.GET(new Request("http://localhost/u/bad"), { params: Promise.resolve({ token: "bad" }) })]) {
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("content-security-policy")).toMatch(/(^|; )frame-ancestors 'none'(;|$)/);
      expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    }
  });
});
