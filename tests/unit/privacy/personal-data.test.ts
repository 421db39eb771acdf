// Every table in db/schema has a rule in the personal-data registry: a new table without one
// fails here, and the columns a rule names exist.
import { describe, expect, it } from "vitest";
import { PERSONAL_DATA, participantTables } from "../../../lib/privacy/personal-data";
import { schemaTables } from "./schema-tables";

describe("the personal-data registry", () => {
  const tables = schemaTables();

  it("finds the schema's tables", () => {
    expect(tables.map((t) => t.name)).toContain("contacts");
    expect(tables.length).toBeGreaterThan(20);
  });

  it("has an entry for every table in db/schema (add one to lib/privacy/personal-data.ts)", () => {
    const missing = tables.map((t) => t.name).filter((n) => !PERSONAL_DATA.some((r) => r.table === n));
    expect(missing).toEqual([]);
  });

  it("has no entry for a table that is not in the schema, and none twice", () => {
    const names = PERSONAL_DATA.map((r) => r.table);
    expect(names.filter((n) => !tables.some((t) => t.name === n))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
  });

  it("names only columns the table has", () => {
    const wrong = PERSONAL_DATA.flatMap((r) => {
      const cols = tables.find((t) => t.name === r.table)!.columns.map((c) => c.name);
      return r.columns.filter((c) => !cols.includes(c.name)).map((c) => `${r.table}.${c.name}`);
    });
    expect(wrong).toEqual([]);
  });

  it("says for every table with a participant column how the person's rows are read and erased", () => {
    const withParticipant = tables.filter((t) => t.columns.some((c) => c.name === "participant_id")).map((t) => t.name);
    const rules = participantTables().map((r) => r.table);
    expect(withParticipant.filter((n) => !rules.includes(n))).toEqual([]);
    for (const r of participantTables()) {
      expect(r.rowsFor, r.table).toBeTypeOf("function");
      expect(r.erase?.contact.run, r.table).toBeTypeOf("function");
      expect(r.erase?.everything.run, r.table).toBeTypeOf("function");
    }
  });

  it("erases participants last (rows that point at them first)", () => {
    expect(participantTables().at(-1)?.table).toBe("participants");
  });
});
