import type { EvalScope, ExprValue } from "../../../lib/surveys/expr/index";
import { fromAnswer } from "../../../lib/surveys/expr/index";

/** Answers every case in the corpus can refer to. */
export const VALUES: Record<string, unknown> = {
  age: 34, age_s: "34", zero: 0, empty: "", name: "Olena", city: "Oslo", where_now: "returned",
  reasons: ["family", "no_work", "other"], reasons_s: "family no_work", none: [],
  arrival: "2022-03", dob: "2000-02-29", left: "2023-05-10", flag_t: true, flag_f: false,
  dec: "2.5", neg: -3, comma: "1,5", nullv: null,
};

export interface CaseContext {
  self?: ExprValue;
  row?: Record<string, string>;
}

export function scope(ctx: CaseContext = {}): EvalScope {
  return {
    get: (n) => fromAnswer(VALUES[n]),
    self: () => ctx.self ?? 42,
    column: (n) => ctx.row?.[n] ?? "",
    today: "2024-05-17",
    now: new Date("2024-05-17T08:30:00Z"),
  };
}
