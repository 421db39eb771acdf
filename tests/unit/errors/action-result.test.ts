// What a staff form's server action returns for what lib/ throws: the same statuses and field
// issues as the problem+json of a route, a 503 for an outage, a reference for anything else.
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { toActionResult } from "../../../app/action-result";
import { InvalidInput, NotFound } from "../../../lib/errors/app-error";

afterEach(() => vi.restoreAllMocks());

describe("toActionResult", () => {
  it("returns the value, or an AppError's status, message and field issues", async () => {
    expect(await toActionResult(async () => 7)).toEqual({ ok: true, value: 7 });
    expect(await toActionResult(async () => { throw new NotFound("Study not found"); })).toEqual({ ok: false, status: 404, message: "Study not found", issues: [] });
    const issues = [{ path: "name", message: "Enter a name" }];
    expect(await toActionResult(async () => { throw new InvalidInput("Check", issues); })).toEqual({ ok: false, status: 422, message: "Check", issues });
  });

  it("puts a zod error on its fields the one way (lib/errors/zod-issues)", async () => {
    const r = await toActionResult(async () => z.object({ rule: z.object({ name: z.string() }) }).parse({ rule: {} }));
    expect(r).toEqual({ ok: false, status: 422, message: "Some input is not valid.", issues: [{ path: "rule.name", message: expect.any(String) }] });
  });

  it("answers 503 when the database cannot be reached, as the routes do", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const r = await toActionResult(async () => { throw refused; });
    expect(r).toMatchObject({ ok: false, status: 503, issues: [] });
    expect(r.ok === false && r.message).not.toContain("5432");
  });

  it("hides anything else behind a reference that is logged with the error", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const r = await toActionResult(async () => { throw new Error("secret detail"); });
    expect(r).toEqual({ ok: false, status: 500, message: expect.stringMatching(/^Something went wrong \(reference [0-9a-f]{8}\)\.$/), issues: [] });
    expect(JSON.stringify(r)).not.toContain("secret");
    expect(String(log.mock.calls[0][0])).toMatch(/^\[action [0-9a-f]{8}\]$/);
  });
});
