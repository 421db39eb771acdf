// GET /api-docs – the OpenAPI document of /api/v1 rendered readably (public; no Swagger UI).
import Link from "next/link";
import { buildOpenApi } from "../../../lib/api/openapi";
import { SchemaView } from "./schema-view";

// Dynamic only because the staff layout shows who is signed in; the document itself is built once per process.
export const dynamic = "force-dynamic";

type Op = { operationId: string; summary: string; description?: string; tags: string[]; parameters: { name: string; in: string; required: boolean; description?: string; schema: Record<string, unknown> }[];
  requestBody?: { description?: string; content: Record<string, { schema: Record<string, unknown> }> }; responses: Record<string, { description: string; content?: Record<string, { schema?: Record<string, unknown> }> }>;
  "x-admin-only"?: boolean; security?: unknown[] };

const PROBLEMS: [string, number, string][] = [
  ["bad_request", 400, "The body cannot be read (e.g. not JSON, malformed multipart)."],
  ["unauthorized", 401, "No token, or a malformed, unknown or revoked one. The answer is the same for all, on purpose."],
  ["forbidden", 403, "Your role may not do this, e.g. a researcher asking for the recruitment list or an export with identifiers."],
  ["not_found", 404, "No such study or item, or one you may not see: the two are indistinguishable, so another study's existence is never revealed."],
  ["conflict", 409, "The request conflicts with the current state (a taken slug, a closed wave, a step someone else recorded first)."],
  ["payload_too_large", 413, "The body is over the endpoint's limit; it was refused before being read."],
  ["unsupported_media_type", 415, "The Content-Type is not one this endpoint reads."],
  ["invalid_input", 422, "Validation failed. errors[] lists every field (path) and the reason (message); file imports add sheet, row and column."],
  ["rate_limited", 429, "The token made too many requests; wait Retry-After seconds."],
  ["internal", 500, "Something broke on the server. Quote reference when you report it; the server log has the details."],
  ["unavailable", 503, "The database cannot be reached just now; nothing was saved. Wait Retry-After seconds and try again."],
];

export default function ApiDocsPage() {
  const doc = buildOpenApi() as { info: { title: string; description: string }; tags: { name: string; description: string }[]; paths: Record<string, Record<string, Op>>; components: { schemas: Record<string, Record<string, unknown>> } };
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));
  return (
    <>
      <h1>{doc.info.title}</h1>
      <p>{doc.info.description}</p>
      <p>
        Base URL <code>/api/v1</code>. The machine-readable document: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).
        Create a token on <Link href="/account">your account page</Link>. Examples in R and Python: <code>docs/api.md</code>.
      </p>
      <h2 id="rate-limits">Rate limits</h2>
      <p>Each token has a bucket of requests that refills over time (default 120 at once, then 2 per second; set with <code>API_RATE_LIMIT=capacity/perSecond</code>). Answers carry <code>RateLimit-Limit</code> and <code>RateLimit-Remaining</code>; over the limit you get 429 with <code>Retry-After</code>. The buckets live in each app instance&apos;s memory.</p>
      <h2 id="errors">Errors</h2>
      <p>Every error is <code>application/problem+json</code> (RFC 9457): <code>type</code>, <code>title</code>, <code>status</code>, <code>detail</code>, <code>code</code>, and <code>errors: [&#123;path, message&#125;]</code> for validation.</p>
      <table className="stack-table">
        <thead><tr><th scope="col">type</th><th scope="col">status</th><th scope="col">meaning</th></tr></thead>
        <tbody>{PROBLEMS.map(([code, status, text]) => <tr key={code} id={`problem-${code}`}><td data-label="type"><code>/api-docs#problem-{code}</code></td><td data-label="status">{status}</td><td data-label="meaning">{text}</td></tr>)}</tbody>
      </table>
      <h2 id="endpoints">Endpoints</h2>
      {doc.tags.map((tag) => (
        <section key={tag.name}>
          <h3>{tag.name}</h3>
          <p className="muted">{tag.description}</p>
          <ul>
            {ops.filter((o) => o.op.tags[0] === tag.name).map((o) => (
              <li key={o.op.operationId}><a href={`#op-${o.op.operationId}`}><code>{o.method} {o.path}</code></a> — {o.op.summary}</li>
            ))}
          </ul>
        </section>
      ))}
      {ops.map(({ path, method, op }) => (
        <section key={op.operationId} id={`op-${op.operationId}`} className="card" style={{ marginTop: "1rem" }}>
          <h3><code>{method} /api/v1{path}</code></h3>
          <p><strong>{op.summary}</strong>{op["x-admin-only"] && <span className="badge"> admins only</span>}{op.security?.length === 0 && <span className="badge"> no token needed</span>}</p>
          {op.description && <p>{op.description}</p>}
          {op.parameters.length > 0 && (
            <table className="stack-table">
              <thead><tr><th scope="col">parameter</th><th scope="col">in</th><th scope="col">type</th><th scope="col">description</th></tr></thead>
              <tbody>
                {op.parameters.map((p) => (
                  <tr key={`${p.in}-${p.name}`}><td data-label="parameter"><code>{p.name}</code>{p.required && <strong title="required"> *</strong>}</td><td data-label="in">{p.in}</td><td data-label="type"><SchemaView schema={p.schema} /></td><td data-label="description">{p.description}</td></tr>
                ))}
              </tbody>
            </table>
          )}
          {op.requestBody && (
            <>
              <h4>Request body</h4>
              {op.requestBody.description && <p>{op.requestBody.description}</p>}
              {Object.entries(op.requestBody.content).map(([type, c]) => (
                <div key={type}><p><code>{type}</code></p>{type.includes("json") && <SchemaView schema={c.schema} />}</div>
              ))}
            </>
          )}
          <h4>Responses</h4>
          <ul>
            {Object.entries(op.responses).map(([status, r]) => (
              <li key={status}>
                <strong>{status}</strong> {r.description}{" "}
                {Object.entries(r.content ?? {}).map(([type, c]) => (
                  <span key={type}><code>{type}</code>{c.schema && type.includes("json") && <> <SchemaView schema={c.schema} /></>}</span>
                ))}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h2 id="schemas">Schemas</h2>
      {Object.entries(doc.components.schemas).map(([name, s]) => (
        <section key={name} id={`schema-${name}`}>
          <h3>{name}</h3>
          <SchemaView schema={s} />
        </section>
      ))}
    </>
  );
}
