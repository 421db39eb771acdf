import { describe, expect, it } from "vitest";
import { participantValues } from "../../../lib/recruitment/recruitment-columns";
import { parseDefinition, type SurveyDefinition } from "../../../lib/surveys/index";

const en = (s: string) => ({ en: s });
function def(input: Record<string, unknown>): SurveyDefinition {
  const r = parseDefinition({ title: en("T"), languages: ["en"], defaultLanguage: "en", ...input });
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join("; "));
  return r.definition;
}

// Wave 1 asks a number and doubles it; wave 2 reads the double from wave 1 and adds one.
const w1 = { id: "w1", position: 1, def: def({ pages: [{ id: "p", questions: [{ name: "a", type: "integer", label: en("A") }] }], calculates: [{ name: "a2", calculation: "${a} * 2" }] }) };
const w2 = { id: "w2", position: 2, def: def({ preload: [{ name: "a2" }], pages: [{ id: "p", questions: [{ name: "c", type: "text", label: en("C") }] }], calculates: [{ name: "b", calculation: "${a2} + 1" }] }) };
const rows = [
  { participantId: "p", waveId: "w2", answers: { c: "later" }, preload: {} },
  { participantId: "p", waveId: "w1", answers: { a: 20 }, preload: {} },
];
const now = new Date("2024-01-01T00:00:00Z");

describe("a participant's values across waves", () => {
  it("evaluates every wave's calculates, each later wave reading the earlier ones", () => {
    expect(participantValues([w2, w1], rows, now)).toMatchObject({ a: 20, a2: 40, c: "later", b: 41 });
  });

  it("with only some variables needed, still evaluates the earlier waves a needed calculate reads", () => {
    expect(participantValues([w1, w2], rows, now, new Set(["b"]))).toMatchObject({ b: 41 });
  });

  it("skips calculates nobody needs, keeping the answers", () => {
    const v = participantValues([w1, w2], rows, now, new Set(["c"]));
    expect(v).toMatchObject({ a: 20, c: "later" });
    expect(v).not.toHaveProperty("a2");
    expect(v).not.toHaveProperty("b");
  });
});
