// The contract check: every answer of a route handler must be documented in the OpenAPI document
// (its status and media type) and its JSON body must validate against the documented schema.
import Ajv2020 from "ajv/dist/2020";
import type { Endpoint } from "../../../lib/api/endpoint";
import { buildOpenApi } from "../../../lib/api/openapi";

const doc = buildOpenApi() as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>> };
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat("date-time", { validate: (s: string) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d\d-\d\dT/.test(s) });
ajv.addFormat("uuid", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
ajv.addFormat("email", /^[^\s@]+@[^\s@]+$/);
ajv.addSchema(doc as object, "openapi");

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/** Operation ids whose answers were checked in this process. */
export const checkedOperations = new Set<string>();

export async function checkContract(ep: Endpoint, res: Response): Promise<void> {
  const op = doc.paths[ep.path]?.[ep.method.toLowerCase()];
  if (!op) throw new Error(`${ep.method} ${ep.path} is not in the OpenAPI document`);
  const documented = op.responses[String(res.status)];
  if (!documented) throw new Error(`${ep.operationId} answered ${res.status}, which the document does not list`);
  const type = (res.headers.get("content-type") ?? "").split(";")[0].trim();
  const media = documented.content?.[type];
  if (!media) throw new Error(`${ep.operationId} ${res.status} answered ${type}, which the document does not list`);
  if (type === "application/json" || type === "application/problem+json") {
    const ref = `openapi#/${pointer("paths", ep.path, ep.method.toLowerCase(), "responses", String(res.status), "content", type, "schema")}`;
    const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
    const body = await res.clone().json();
    if (!validate(body)) {
      throw new Error(`${ep.operationId} ${res.status}: the body does not match the document: ${ajv.errorsText(validate.errors)}`);
    }
  }
  checkedOperations.add(ep.operationId);
}
