// The authorization matrix (matrix.ts) against the real code: every page, route handler, server
// action and /api/v1 operation found in app/ and the API registry must be listed, and each is
// called as four people (signed out, researcher of the study, researcher of another study,
// admin) with real sessions and API tokens, expecting exactly the listed outcome.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Pages and server actions read the request through next/headers; here it is the role's request.
const request = vi.hoisted(() => ({ headers: new Headers(), cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => request.cookies.has(name),
    set: (name: string, value: string) => void request.cookies.set(name, value),
    delete: (name: string) => void request.cookies.delete(name),
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

import { API_ENDPOINTS } from "../../../lib/api/registry";
import type { Endpoint } from "../../../lib/api/endpoint";
import { call } from "../api/helpers";
import { actionOutcome, appRelative, appTree, HTTP_METHODS, nextOutcome, renderServer, routePath, type Outcome } from "./harness";
import { ACTIONS, API, PAGES, ROUTES, type Expect } from "./matrix";
import { buildWorld, ROLES, type Role, type World } from "./world";

type Handler = ((req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>) & { endpoint?: Endpoint };

const tree = appTree();
const pageModules = new Map<string, string>(tree.pages.map((f) => [routePath(f), f]));
const routeHandlers = new Map<string, Handler>();
const apiHandlers = new Map<string, Handler>();
const actionFns = new Map<string, (...args: unknown[]) => Promise<unknown>>();

let w: World;
beforeAll(async () => {
  // A handler under /api/v1 is the registry's operation with its method and path.
  const operations = new Map(API_ENDPOINTS.map((e) => [`${e.method} /api/v1${e.path.replace(/\{(\w+)\}/g, "[$1]")}`, e.operationId]));
  for (const file of tree.routes) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      const h = mod[method] as Handler | undefined;
      if (typeof h !== "function") continue;
      const key = `${method} ${routePath(file)}`;
      if (routePath(file).startsWith("/api/v1/")) apiHandlers.set(operations.get(key) ?? key, h);
      else routeHandlers.set(key, h);
    }
  }
  for (const file of tree.actions) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [name, fn] of Object.entries(mod)) if (typeof fn === "function") actionFns.set(`${appRelative(file)}#${name}`, fn as never);
  }
  w = await buildWorld();
});
afterAll(async () => {
  await w?.close();
});

const sorted = (xs: Iterable<string>) => [...xs].sort();

describe("the matrix lists every entry point, and only those", () => {
  it("every page under app/", () => expect(sorted(pageModules.keys())).toEqual(sorted(Object.keys(PAGES))));
  it("every route handler outside /api/v1", () => expect(sorted(routeHandlers.keys())).toEqual(sorted(Object.keys(ROUTES))));
  it("every exported server action", () => expect(sorted(actionFns.keys())).toEqual(sorted(Object.keys(ACTIONS))));
  it("every /api/v1 operation, each served by a route handler", () => {
    expect(sorted(API_ENDPOINTS.map((e) => e.operationId))).toEqual(sorted(Object.keys(API)));
    expect(sorted(apiHandlers.keys())).toEqual(sorted(Object.keys(API)));
  });
});

/** Runs one entry point as each role in turn; a thrown error that is not Next's becomes 500. */
async function asEachRole(run: (role: Role) => Promise<Outcome>): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const role of ROLES) {
    try {
      out.push(await run(role));
    } catch (e) {
      const o = nextOutcome(e);
      if (o === null) console.error(`[matrix] ${role}:`, e);
      out.push(o ?? 500);
    }
  }
  return out;
}

function useRequest(cookie: string | null, path: string) {
  request.headers = new Headers({ host: "localhost:3000", origin: "http://localhost:3000", "x-panelwave-path": path, ...(cookie ? { cookie } : {}) });
  request.cookies = new Map();
}

describe("pages", () => {
  it.each(Object.entries(PAGES))("%s", async (pattern, c) => {
    const params = (await c.params?.(w)) ?? {};
    const { default: Page } = (await import(pageModules.get(pattern)!)) as { default: (p: unknown) => unknown };
    const got = await asEachRole(async (role) => {
      useRequest(w.cookie(role), pattern);
      await renderServer(Page({ params: Promise.resolve(params), searchParams: Promise.resolve(c.query ?? {}) }));
      return 200;
    });
    expect(got).toEqual(c.expect);
  });
});

describe("route handlers", () => {
  it.each(Object.entries(ROUTES))("%s", async (key, c) => {
    const method = key.split(" ")[0];
    const got = await asEachRole(async (role) => {
      const r = await c.request(w, role);
      const cookie = c.freshSession ? await w.freshCookie(role) : w.cookie(role);
      const headers = new Headers({ host: "localhost:3000", ...(method !== "GET" ? { origin: "http://localhost:3000" } : {}), ...(cookie ? { cookie } : {}), ...r.headers });
      const res = await routeHandlers.get(key)!(new Request(`http://localhost:3000${r.url}`, { method, headers, body: r.body }), { params: Promise.resolve(r.params) });
      await res.arrayBuffer();
      return res.status;
    });
    expect(got).toEqual(typeof c.expect === "function" ? c.expect(w) : c.expect);
  });
});

describe("server actions", () => {
  it.each(Object.entries(ACTIONS))("%s", async (key, c) => {
    const got = await asEachRole(async (role) => {
      const args = await c.args(w, role);
      useRequest(c.freshSession ? await w.freshCookie(role) : w.cookie(role), "/");
      return actionOutcome(await actionFns.get(key)!(...args));
    });
    expect(got).toEqual(typeof c.expect === "function" ? c.expect(w) : c.expect);
  });
});

describe("/api/v1 operations", () => {
  it.each(Object.entries(API))("%s", async (operationId, c) => {
    const got = await asEachRole(async (role) => {
      const ep = API_ENDPOINTS.find((e) => e.operationId === operationId)!;
      const handler = Object.assign(apiHandlers.get(operationId)!, { endpoint: ep });
      const res = await call(handler, "", { ...(await c.options(w)), token: w.token(role) });
      await res.arrayBuffer();
      return res.status;
    });
    expect(got).toEqual(c.expect satisfies Expect);
  });
});

describe("inputs that used to answer 500 answer 4xx", () => {
  it("the audit log filtered by a study that does not exist is a 404 page", async () => {
    const { default: AuditPage } = (await import(pageModules.get("/admin/audit")!)) as { default: (p: unknown) => unknown };
    const got = await asEachRole(async (role) => {
      useRequest(w.cookie(role), "/admin/audit?study=unknown");
      await renderServer(AuditPage({ params: Promise.resolve({}), searchParams: Promise.resolve({ study: "unknown" }) }));
      return 200;
    });
    expect(got).toEqual(["signin", 404, 404, 404]);
  });

  it("revoking someone else's token, an unknown one, or while signed out is a 404, and revokes nothing", async () => {
    const revoke = actionFns.get("(staff)/account/actions.ts#revokeTokenAction")!;
    const id = await w.memberToken();
    const tries: [Role, string][] = [["signedOut", id], ["outsider", id], ["admin", id], ["member", "not-a-uuid"], ["member", crypto.randomUUID()]];
    const got: Outcome[] = [];
    for (const [role, tokenId] of tries) {
      useRequest(w.cookie(role), "/account");
      got.push(await revoke(fd({ id: tokenId })).then(actionOutcome, (e) => nextOutcome(e) ?? 500));
    }
    expect(got).toEqual([404, 404, 404, 404, 404]);
    const { listOwnApiTokens } = await import("../../../lib/api/api-token");
    expect((await listOwnApiTokens(w.t.db, w.people.member.user)).find((t) => t.id === id)?.revokedAt).toBeNull();
  });
});

function fd(fields: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}
