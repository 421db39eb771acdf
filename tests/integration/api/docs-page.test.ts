// The /api-docs page renders the whole OpenAPI document: every operation and schema, and the
// problem types that problem+json answers point to.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import ApiDocsPage from "../../../app/(staff)/api-docs/page";
import { buildOpenApi } from "../../../lib/api/openapi";
import { API_ENDPOINTS } from "../../../lib/api/registry";

describe("/api-docs", () => {
  it("shows every endpoint, every schema and every problem type", () => {
    const html = renderToStaticMarkup(ApiDocsPage());
    for (const ep of API_ENDPOINTS) expect(html).toContain(`id="op-${ep.operationId}"`);
    const doc = buildOpenApi() as { components: { schemas: Record<string, unknown> } };
    for (const name of Object.keys(doc.components.schemas)) expect(html).toContain(`id="schema-${name}"`);
    for (const code of ["invalid_input", "not_found", "forbidden", "unauthorized", "rate_limited", "payload_too_large", "unavailable"]) {
      expect(html).toContain(`id="problem-${code}"`);
    }
    expect(html).toContain("GET /api/v1/studies/{study}/responses");
  });
});
