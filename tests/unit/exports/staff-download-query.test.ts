// The download routes read a plain GET form's query: a check-box group repeats its key.
import { describe, expect, it } from "vitest";
import { queryOf } from "../../../lib/exports/staff-download";
import { exportQuerySchema } from "../../../lib/exports/export-query";

describe("queryOf", () => {
  it("joins a repeated key's values with commas, as the options write a list of waves", () => {
    const q = queryOf(new URLSearchParams("shape=long&waves=wave-1&waves=wave-2&bom=true&completed=false"));
    expect(q).toEqual({ shape: "long", waves: "wave-1,wave-2", bom: "true", completed: "false" });
    expect(exportQuerySchema.parse(q)).toMatchObject({ shape: "long", waves: "wave-1,wave-2", bom: true, completed: false, identifiers: false });
  });

  it("keeps a key given once as it is, and an unchecked box (absent) takes the option's default", () => {
    const q = queryOf(new URLSearchParams("waves=wave-2&format=xlsx"));
    expect(q).toEqual({ waves: "wave-2", format: "xlsx" });
    expect(exportQuerySchema.parse(q)).toMatchObject({ bom: false, identifiers: false, completed: true });
  });
});
