// The one problem+json writer: the shape of every error answer, its headers, and a 500's reference.
import { afterEach, describe, expect, it, vi } from "vitest";
import { InvalidInput, NotFound, ServiceUnavailable, TooManyRequests, Unauthorized } from "../../../lib/errors/app-error";
import { problemResponse, problemSchema } from "../../../lib/errors/problem";

afterEach(() => vi.restoreAllMocks());

describe("problemResponse", () => {
  it("answers an AppError with its status, safe message, code and field errors", async () => {
    const res = problemResponse(new InvalidInput("Check the fields", [{ path: "opensAt", message: "Invalid date" }, { path: "", message: "Whole form" }]));
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(problemSchema.parse(body)).toEqual(body);
    expect(body).toEqual({
      type: "/api-docs#problem-invalid_input", title: "Validation failed", status: 422, detail: "Check the fields", code: "invalid_input",
      errors: [{ path: "opensAt", message: "Invalid date" }, { path: "_", message: "Whole form" }],
    });
  });

  it("leaves errors out when there are none", async () => {
    expect(await problemResponse(new NotFound("Study not found")).json()).toEqual({ type: "/api-docs#problem-not_found", title: "Not found", status: 404, detail: "Study not found", code: "not_found" });
  });

  it("says when to retry a 503 and a 429", () => {
    expect(problemResponse(new ServiceUnavailable()).headers.get("retry-after")).toBe("60");
    expect(problemResponse(new TooManyRequests(7)).headers.get("retry-after")).toBe("7");
    expect(problemResponse(new NotFound()).headers.get("retry-after")).toBeNull();
  });

  it("adds the caller's headers and sends no bearer challenge of its own", () => {
    const res = problemResponse(new Unauthorized(), { "ratelimit-limit": "120" });
    expect(res.headers.get("ratelimit-limit")).toBe("120");
    expect(res.headers.get("www-authenticate")).toBeNull();
  });

  it("hides anything else behind a 500 with a random reference that is logged with the error", async () => {
    const random = vi.spyOn(Math, "random");
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const a = await problemResponse(new Error("relation \"users\" does not exist")).json();
    const b = await problemResponse(new Error("boom")).json();
    expect(a).toEqual({ type: "/api-docs#problem-internal", title: "Internal error", status: 500, detail: "Something went wrong on the server", code: "internal", reference: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect(JSON.stringify(a)).not.toContain("users");
    expect(b.reference).not.toBe(a.reference);
    expect(log.mock.calls[0][0]).toContain(a.reference);
    expect(random).not.toHaveBeenCalled();
  });
});
