// Calling /api/v1 route handlers in-process: a runtime on the test database, users with tokens,
// and a small client that builds `new Request(...)` and hands it to the exported GET/POST/….
import { createUser } from "../../../lib/auth/create-user";
import type { StaffUser } from "../../../lib/auth/current-user";
import { createApiToken } from "../../../lib/api/api-token";
import { configureApiRateLimit } from "../../../lib/api/rate-limit";
import { loadConfig } from "../../../lib/config/load-config";
import { createAppAuth, setRuntimeForTests, type Runtime } from "../../../lib/runtime";
import type { Endpoint } from "../../../lib/api/endpoint";
import { checkContract } from "./contract";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";

export type ApiTest = { t: TestDb; rt: Runtime; close: () => Promise<void> };

export async function startApiTest(): Promise<ApiTest> {
  const t = await createTestDb();
  const config = loadConfig({ PERSONAL_DATA_KEY: testKey.toString("base64"), PUBLIC_URL: "http://localhost:3000" });
  const rt: Runtime = { config, db: t.db, dbKind: t.kind, auth: createAppAuth(t.db, config) };
  setRuntimeForTests(rt);
  configureApiRateLimit({ capacity: 100_000, refillPerSecond: 1000 });
  return {
    t,
    rt,
    close: async () => {
      setRuntimeForTests(null);
      await t.drop();
    },
  };
}

let n = 0;
/** A user of the role with a fresh API token. */
export async function userWithToken(rt: Runtime, role: "admin" | "researcher") {
  const email = `${role}${++n}-${Date.now()}@example.org`;
  const id = await createUser(rt.db, { email, password: "a long password 1", name: `${role} ${n}`, role });
  const user: StaffUser = { id, email, name: `${role} ${n}`, role };
  const { token, id: tokenId } = await createApiToken(rt.db, user, { name: "test" }, new Date());
  return { user, token, tokenId };
}

type Handler = ((req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>) & { endpoint?: Endpoint };

export type CallOptions = {
  token?: string | null;
  params?: Record<string, string>;
  query?: Record<string, string>;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
  method?: string;
};

/**
 * Calls a route handler as Next.js would, at its endpoint's path with `params` filled in, and
 * checks the answer against the OpenAPI document (tests/integration/api/contract.ts).
 */
export async function call(handler: Handler, _path: string, o: CallOptions = {}): Promise<Response> {
  const ep = handler.endpoint;
  const path = ep ? ep.path.replace(/\{(\w+)\}/g, (_m, k: string) => encodeURIComponent(o.params?.[k] ?? `{${k}}`)) : _path;
  const url = new URL(`http://localhost:3000/api/v1${path}`);
  for (const [k, v] of Object.entries(o.query ?? {})) url.searchParams.set(k, v);
  const headers = new Headers(o.headers);
  if (o.token) headers.set("authorization", `Bearer ${o.token}`);
  let body = o.body;
  if (o.json !== undefined) {
    body = JSON.stringify(o.json);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const method = o.method ?? ep?.method ?? (body !== undefined ? "POST" : "GET");
  const req = new Request(url, { method, headers, body, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit);
  const res = await handler(req, { params: Promise.resolve(o.params ?? {}) });
  if (ep) await checkContract(ep, res);
  return res;
}

export async function json<T = any>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
