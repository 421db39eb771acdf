// The one body of every /api/v1 route handler: authenticate the bearer token, take a request
// from its rate bucket, parse path, query and body with the endpoint's zod schemas, run the
// route's one lib call, and answer problems as application/problem+json.
import type { z } from "zod";
import type { StaffUser } from "../auth/current-user";
import { BadRequest, InvalidInput, NotFound, TooManyRequests, UnsupportedMediaType } from "../errors/app-error";
import { problemResponse } from "../errors/problem";
import { fieldIssues } from "../errors/zod-issues";
import { getRuntime, type Runtime } from "../runtime";
import { authenticateBearer } from "./api-token";
import type { BodyOf, BodySpec, Endpoint, Upload, UploadBody } from "./endpoint";
import { apiRateLimiter } from "./rate-limit";
import { readBodyLimited } from "../http/read-body";
import { unstorableCharacter, unstorableJsonStrings } from "../text/control-characters";

export const JSON_LIMIT = 1 << 20;

export type ApiContext<E extends Endpoint> = {
  rt: Runtime;
  user: StaffUser;
  now: Date;
  params: NonNullable<E["params"]> extends z.ZodObject ? z.output<NonNullable<E["params"]>> : Record<string, never>;
  query: NonNullable<E["query"]> extends z.ZodObject ? z.output<NonNullable<E["query"]>> : Record<string, never>;
  body: BodyOf<NonNullable<E["body"]>>;
  /** The query as sent (strings), already checked by the endpoint's schema: for lib functions that parse it themselves. */
  rawQuery: Record<string, string>;
};

type RouteCtx = { params: Promise<Record<string, string | string[] | undefined>> };

const mediaType = (req: Request) => (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The body as JSON: strict UTF-8, then every string (and key) checked once for characters that
 * cannot be stored (NUL, other controls, unpaired surrogates) and for absurd nesting, so such a
 * value is refused with its field path instead of failing in the database on every retry.
 */
async function readJson(req: Request, limit: number, prefix = "body"): Promise<unknown> {
  let text: string;
  try {
    text = UTF8.decode(await readBodyLimited(req, limit));
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    throw new BadRequest("The body is not valid UTF-8", [{ path: "body", message: "Send JSON encoded as UTF-8" }]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new BadRequest("The body is not valid JSON", [{ path: "body", message: (e as Error).message }]);
  }
  const unsafe = unstorableJsonStrings(data, prefix);
  if (unsafe.length) throw new InvalidInput("The body contains text that cannot be stored", unsafe);
  return data;
}

/** Query parameters and form fields: single-line text without control characters. */
function checkFields(fields: Record<string, string>, what: string) {
  const issues = Object.entries(fields).flatMap(([k, v]) => {
    const c = unstorableCharacter(k, { multiline: false }) ?? unstorableCharacter(v, { multiline: false });
    return c ? [{ path: unstorableCharacter(k, { multiline: false }) ? "_" : k, message: `Contains ${c}, a control character or an unpaired surrogate` }] : [];
  });
  if (issues.length) throw new InvalidInput(`The ${what} contain text that cannot be stored`, issues);
}

async function readUpload(req: Request, spec: UploadBody, fields: Record<string, string>): Promise<Upload> {
  const type = mediaType(req);
  if (type === "application/json" && spec.json) return { kind: "json", data: await readJson(req, spec.maxBytes) };
  if (type === "multipart/form-data") {
    const bytes = await readBodyLimited(req, spec.maxBytes);
    let form: FormData;
    try {
      form = await new Response(bytes as BodyInit, { headers: { "content-type": req.headers.get("content-type")! } }).formData();
    } catch {
      throw new BadRequest("The multipart body cannot be read", [{ path: "body", message: "Malformed multipart/form-data" }]);
    }
    let file: Upload | null = null;
    for (const [k, v] of form) {
      if (typeof v === "string") fields[k] = v;
      else if (k === "file") file = { kind: "file", bytes: new Uint8Array(await v.arrayBuffer()), mediaType: v.type || "application/octet-stream", filename: v.name || null };
    }
    if (!file) throw new InvalidInput("No file", [{ path: "file", message: "Send the file in the form field named file" }]);
    return file;
  }
  if (!spec.mediaTypes.includes(type)) {
    const accepted = [...spec.mediaTypes, "multipart/form-data", ...(spec.json ? ["application/json"] : [])];
    throw new UnsupportedMediaType(`Send the body as ${accepted.join(", ")}${type ? `, not ${type}` : " (Content-Type is missing)"}`);
  }
  const filename = /filename="?([^";]+)"?/i.exec(req.headers.get("content-disposition") ?? "")?.[1] ?? null;
  return { kind: "file", bytes: await readBodyLimited(req, spec.maxBytes), mediaType: type, filename };
}

async function readBody(req: Request, spec: BodySpec | undefined, fields: Record<string, string>): Promise<unknown> {
  if (!spec) return undefined;
  if (spec.kind === "upload") {
    const upload = await readUpload(req, spec, fields);
    if (upload.kind === "json" && spec.json) {
      const r = spec.json.safeParse(upload.data);
      if (!r.success) throw new InvalidInput("The body does not match the schema", fieldIssues(r.error, "body"));
      return { kind: "json", data: r.data };
    }
    return upload;
  }
  const type = mediaType(req);
  if (type !== "application/json") throw new UnsupportedMediaType(`Send the body as application/json${type ? `, not ${type}` : ""}`);
  const r = spec.schema.safeParse(await readJson(req, spec.maxBytes ?? JSON_LIMIT, ""));
  if (!r.success) throw new InvalidInput("The body does not match the schema", fieldIssues(r.error));
  return r.data;
}

/**
 * A Next.js route handler for the endpoint. `run` gets the checked input and returns the
 * Response (see ok()). Errors become problems: 401 without a valid token, 429 over the rate,
 * 404 for a malformed path (as for a study one may not see), 413/415/400/422 for the body.
 */
export function apiRoute<E extends Endpoint>(ep: E, run: (c: ApiContext<E>) => Promise<Response>) {
  const handler = async (req: Request, route?: RouteCtx): Promise<Response> => {
    const rateHeaders: Record<string, string> = {};
    try {
      const rt = await getRuntime();
      const now = new Date();
      const user = await authenticateBearer(rt.db, req.headers.get("authorization"), now);
      const rate = apiRateLimiter(rt.config.apiRateLimit).take(user.tokenId, now.getTime());
      rateHeaders["ratelimit-limit"] = String(rate.limit);
      rateHeaders["ratelimit-remaining"] = String(rate.remaining);
      if (!rate.allowed) throw new TooManyRequests(rate.retryAfterSeconds);
      const rawParams = (await route?.params) ?? {};
      const params = ep.params ? ep.params.safeParse(rawParams) : { success: true as const, data: {} };
      if (!params.success) throw new NotFound("Not found");
      const fields: Record<string, string> = {};
      const body = await readBody(req, ep.body, fields);
      const url = new URL(req.url);
      // A misspelt parameter (sinc= for since=) must not silently widen a pull: unknown ones are refused.
      const known = Object.keys(ep.query?.shape ?? {});
      const unknown = [...new Set(url.searchParams.keys())].filter((k) => !known.includes(k));
      if (unknown.length) {
        throw new InvalidInput("Unknown query parameter", unknown.map((k) => ({ path: k, message: `Not a parameter of this endpoint${known.length ? ` (it reads ${known.join(", ")})` : ""}` })));
      }
      const rawQuery = { ...Object.fromEntries(url.searchParams), ...fields };
      checkFields(rawQuery, "query parameters");
      const query = ep.query ? ep.query.safeParse(rawQuery) : { success: true as const, data: {} };
      if (!query.success) throw new InvalidInput("Check the query parameters", fieldIssues(query.error));
      const res = await run({ rt, user, now, params: params.data, query: query.data, body, rawQuery } as unknown as ApiContext<E>);
      for (const [k, v] of Object.entries(rateHeaders)) res.headers.set(k, v);
      return res;
    } catch (e) {
      const res = problemResponse(e, rateHeaders);
      // The API authenticates with bearer tokens (RFC 6750); the staff routes use the session cookie.
      if (res.status === 401) res.headers.set("www-authenticate", 'Bearer realm="panelwave"');
      return res;
    }
  };
  // The declaration travels with the handler, so tests can check its answers against the document.
  return Object.assign(handler, { endpoint: ep as Endpoint });
}

/** A JSON answer (dates as ISO strings), never cached. */
export function ok(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), { status, headers: { "content-type": "application/json", "cache-control": "no-store", ...headers } });
}
