// The OpenAPI 3.1 document, generated from the endpoint declarations and their zod schemas
// (z.toJSONSchema; schemas with an id become components). Pure and cached per process.
import { z } from "zod";
import type { Endpoint } from "./endpoint";
import { problemSchema } from "../errors/problem";
import { API_ENDPOINTS, API_TAGS } from "./registry";

type Json = Record<string, unknown>;
const REF = "#/components/schemas/";

/** Converts named schemas in one pass; ids in the global registry become shared $defs. */
function convert(schemas: Record<string, z.ZodType>, io: "input" | "output"): { props: Record<string, Json>; defs: Record<string, Json> } {
  const wrapper = z.object(schemas);
  const out = z.toJSONSchema(wrapper, { io, unrepresentable: "any", target: "draft-2020-12" }) as Json;
  const text = JSON.stringify(out).replaceAll('"#/$defs/', `"${REF}`);
  const parsed = JSON.parse(text) as { properties?: Record<string, Json>; $defs?: Record<string, Json> };
  return { props: parsed.properties ?? {}, defs: parsed.$defs ?? {} };
}

function parameters(ep: Endpoint, query: Record<string, Json>): Json[] {
  const out: Json[] = [];
  for (const [where, key] of [["path", "params"], ["query", "query"]] as const) {
    const s = query[`${ep.operationId}.${key}`] as { properties?: Record<string, Json>; required?: string[] } | undefined;
    for (const [name, schema] of Object.entries(s?.properties ?? {})) {
      const { description, ...rest } = schema;
      out.push({ name, in: where, required: where === "path" || (s?.required ?? []).includes(name), ...(description ? { description } : {}), schema: rest });
    }
  }
  return out;
}

const STATUS_TEXT: Record<number, string> = {
  400: "Malformed body (e.g. not JSON)", 401: "No token, or a bad or revoked one", 403: "The token's role may not do this",
  404: "No such study or item, or one the token's user may not see (the same answer)", 409: "Conflicts with the current state",
  413: "Body too large", 415: "Unsupported Content-Type", 422: "Validation failed: `errors` names each field and why",
  429: "Over the token's rate limit: wait Retry-After seconds",
};

let cached: Json | null = null;

export function buildOpenApi(baseUrl = ""): Json {
  if (cached && !baseUrl) return cached;
  const inputs: Record<string, z.ZodType> = {};
  const outputs: Record<string, z.ZodType> = { "problem": problemSchema };
  for (const ep of API_ENDPOINTS) {
    if (ep.params) inputs[`${ep.operationId}.params`] = ep.params;
    if (ep.query) inputs[`${ep.operationId}.query`] = ep.query;
    if (ep.body?.kind === "json") inputs[`${ep.operationId}.body`] = ep.body.schema;
    if (ep.body?.kind === "upload" && ep.body.json) inputs[`${ep.operationId}.body`] = ep.body.json;
    for (const [status, r] of Object.entries(ep.responses)) {
      if (r.schema) outputs[`${ep.operationId}.${status}`] = r.schema;
      r.files?.forEach((f, i) => f.schema && (outputs[`${ep.operationId}.${status}.${i}`] = f.schema));
    }
  }
  const inp = convert(inputs, "input");
  const outp = convert(outputs, "output");
  const components: Record<string, Json> = { ...outp.defs };
  for (const [id, def] of Object.entries(inp.defs)) {
    if (!components[id]) components[id] = def;
    else if (JSON.stringify(components[id]) !== JSON.stringify(def)) throw new Error(`Schema ${id} differs between requests and responses; give them distinct ids`);
  }
  const paths: Record<string, Json> = {};
  for (const ep of API_ENDPOINTS) {
    const responses: Record<string, Json> = {};
    for (const [status, r] of Object.entries(ep.responses)) {
      const content: Json = {};
      if (r.schema) content["application/json"] = { schema: outp.props[`${ep.operationId}.${status}`] };
      r.files?.forEach((f, i) => {
        content[f.mediaType] = { schema: f.schema ? outp.props[`${ep.operationId}.${status}.${i}`] : { type: "string" }, ...(f.description ? { description: f.description } : {}) };
      });
      responses[status] = { description: r.description + (r.files ? ` — ${r.files.map((f) => `${f.mediaType}: ${f.description}`).join("; ")}` : ""), content };
    }
    const problemStatuses = [
      ...(ep.auth === false ? [] : [401, 429]),
      ...(ep.adminOnly ? [403] : []),
      ...(ep.body ? [400, 413, 415, 422] : []),
      422, // unknown query parameters are refused everywhere
      ...ep.problems,
    ];
    for (const s of [...new Set(problemStatuses)].sort()) {
      responses[String(s)] = { description: STATUS_TEXT[s] ?? "Error", content: { "application/problem+json": { schema: { $ref: `${REF}Problem` } } } };
    }
    let requestBody: Json | undefined;
    if (ep.body?.kind === "json") {
      requestBody = { required: true, content: { "application/json": { schema: inp.props[`${ep.operationId}.body`] } } };
    } else if (ep.body?.kind === "upload") {
      const content: Json = {};
      for (const t of ep.body.mediaTypes) content[t] = { schema: { type: "string", contentMediaType: t } };
      content["multipart/form-data"] = { schema: { type: "object", required: ["file"], properties: { file: { type: "string", contentMediaType: ep.body.mediaTypes[0] } } } };
      if (ep.body.json) content["application/json"] = { schema: inp.props[`${ep.operationId}.body`] };
      requestBody = { required: true, description: ep.body.description, content };
    }
    paths[ep.path] = {
      ...(paths[ep.path] ?? {}),
      [ep.method.toLowerCase()]: {
        operationId: ep.operationId,
        tags: [ep.tag],
        summary: ep.summary,
        ...(ep.description ? { description: ep.description } : {}),
        ...(ep.auth === false ? { security: [] } : {}),
        ...(ep.adminOnly ? { "x-admin-only": true } : {}),
        parameters: parameters(ep, inp.props),
        ...(requestBody ? { requestBody } : {}),
        responses,
      },
    };
  }
  const doc: Json = {
    openapi: "3.1.0",
    info: {
      title: "Panelwave API",
      version: "1",
      description: "Automation for longitudinal panel studies. Authenticate with a personal API token (create one at /account): `Authorization: Bearer <token>`. The token acts as its user: the same role, the same studies, the same audit log.",
    },
    servers: [{ url: `${baseUrl}/api/v1` }],
    security: [{ bearer: [] }],
    tags: API_TAGS,
    paths,
    components: { schemas: components, securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A personal API token (pw_…)" } } },
  };
  if (!baseUrl) cached = doc;
  return doc;
}
