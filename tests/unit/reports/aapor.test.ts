import { describe, expect, it } from "vitest";
import { aaporRates, emptyDispositions } from "../../../lib/reports/aapor";

describe("AAPOR response rates", () => {
  it.each([
    [{ I: 3, P: 1, R: 2, NC: 1, O: 1, U: 2 }, 10, 0.3, 0.4],
    [{ I: 45, P: 10, R: 5, NC: 10, O: 0, U: 30 }, 100, 0.45, 0.55],
    [{ I: 0, P: 0, R: 0, NC: 0, O: 0, U: 4 }, 4, 0, 0],
  ])("RR1 = I / all cases, RR2 = (I + P) / all cases (%o)", (d, total, rr1, rr2) => {
    expect(aaporRates(d)).toEqual({ total, rr1, rr2 });
  });

  it("has no rate when nobody was invited", () => {
    expect(aaporRates(emptyDispositions())).toEqual({ total: 0, rr1: null, rr2: null });
  });
});
