// The one zod-error-to-field-issues conversion, as the API, the staff forms and lib/ use it.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldIssues, invalidInput, parseInput } from "../../../lib/errors/zod-issues";

const schema = z.object({ name: z.string().min(1, "Enter a name"), schedule: z.object({ reminderDays: z.array(z.number()) }) });

describe("fieldIssues", () => {
  it("names each field by its dotted path, array items by index, the whole input as _", () => {
    const e = schema.safeParse({ name: "", schedule: { reminderDays: [1, "x"] } }).error!;
    expect(fieldIssues(e)).toEqual([
      { path: "name", message: "Enter a name" },
      { path: "schedule.reminderDays.1", message: expect.any(String) },
    ]);
    expect(fieldIssues(z.string().safeParse(1).error!)).toEqual([{ path: "_", message: expect.any(String) }]);
  });

  it("puts a prefix in front, and the prefix alone for the whole value", () => {
    expect(fieldIssues(schema.safeParse({ name: "" , schedule: { reminderDays: [] } }).error!, "body")).toEqual([{ path: "body.name", message: "Enter a name" }]);
    expect(fieldIssues(z.string().safeParse(1).error!, "name").map((i) => i.path)).toEqual(["name"]);
  });
});

describe("parseInput", () => {
  it("returns the parsed value or throws InvalidInput with the field issues", () => {
    expect(parseInput(z.object({ n: z.coerce.number() }), { n: "3" })).toEqual({ n: 3 });
    expect(() => parseInput(schema, {})).toThrow(expect.objectContaining({ status: 422, code: "invalid_input", message: "Check the highlighted fields" }));
    expect(invalidInput(schema.safeParse({}).error!, "Nope").issues.map((i) => i.path)).toEqual(["name", "schedule"]);
  });
});
