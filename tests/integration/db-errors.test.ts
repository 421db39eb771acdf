// db/ has its own errors and lib/ maps them: an unreachable database is a DbUnavailable in db/,
// recognised by lib as its ServiceUnavailable (503), and thrown as that ServiceUnavailable once
// lib/runtime.ts (the app's composition root) is loaded, so every boundary that knows AppErrors
// answers a calm 503.
import { describe, expect, it } from "vitest";
import { DbError, DbUnavailable, unavailableAs, unavailableError } from "../../db/errors";
import { AppError, ServiceUnavailable } from "../../lib/errors/app-error";
import { asServiceUnavailable } from "../../lib/errors/unavailable";

describe("db errors", () => {
  it("are db's own, and lib recognises an unreachable database as its ServiceUnavailable", () => {
    unavailableAs(null);
    const e = unavailableError();
    expect(e).toBeInstanceOf(DbUnavailable);
    expect(e).toBeInstanceOf(DbError);
    expect(e).not.toBeInstanceOf(AppError);
    const mapped = asServiceUnavailable(e);
    expect(mapped).toBeInstanceOf(ServiceUnavailable);
    expect(mapped).toMatchObject({ status: 503, retryAfterSeconds: 60, message: e.message });
  });

  it("are thrown as lib's ServiceUnavailable once the runtime is loaded", async () => {
    await import("../../lib/runtime");
    const e = unavailableError();
    expect(e).toBeInstanceOf(ServiceUnavailable);
    expect(e).toMatchObject({ status: 503, retryAfterSeconds: 60 });
  });
});
