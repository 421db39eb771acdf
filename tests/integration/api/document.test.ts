// The OpenAPI document and the routes agree: every declared endpoint has a route file exporting
// its method with that declaration, and every schema in the document compiles (all $refs resolve).
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { buildOpenApi } from "../../../lib/api/openapi";
import { API_ENDPOINTS } from "../../../lib/api/registry";

const routeFile = (path: string) => `../../../app/api/v1${path.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;

describe("the OpenAPI document", () => {
  it("has a route handler for every endpoint, carrying that endpoint's declaration", async () => {
    for (const ep of API_ENDPOINTS) {
      const mod = (await import(/* @vite-ignore */ routeFile(ep.path))) as Record<string, unknown>;
      const handler = mod[ep.method] as { endpoint?: unknown } | undefined;
      expect(handler, `${ep.method} ${ep.path}`).toBeTypeOf("function");
      if (ep.auth !== false) expect(handler!.endpoint, ep.operationId).toBe(ep);
    }
  });

  it("compiles every request and response schema, so every $ref resolves", () => {
    const doc = buildOpenApi() as { paths: Record<string, Record<string, Record<string, unknown>>>; components: { schemas: Record<string, unknown> } };
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    ajv.addSchema(doc as object, "openapi");
    const ptr = (...p: string[]) => p.map((x) => x.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");
    let n = 0;
    for (const name of Object.keys(doc.components.schemas)) {
      ajv.compile({ $ref: `openapi#/${ptr("components", "schemas", name)}` });
      n++;
    }
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const body = (op.requestBody as { content: Record<string, { schema?: unknown }> } | undefined)?.content ?? {};
        for (const type of Object.keys(body)) ajv.compile({ $ref: `openapi#/${ptr("paths", path, method, "requestBody", "content", type, "schema")}` }), n++;
        for (const [status, r] of Object.entries(op.responses as Record<string, { content?: Record<string, unknown> }>)) {
          for (const type of Object.keys(r.content ?? {})) ajv.compile({ $ref: `openapi#/${ptr("paths", path, method, "responses", status, "content", type, "schema")}` }), n++;
        }
        expect(typeof op.operationId).toBe("string");
      }
    }
    expect(n).toBeGreaterThan(60);
  });
});
