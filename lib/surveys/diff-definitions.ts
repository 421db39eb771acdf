import type { Option, Question, SurveyDefinition, Text } from "./definition";

export type ChangeKind =
  | "page-added" | "page-removed"
  | "question-added" | "question-removed" | "question-moved" | "question-type-changed" | "question-reworded" | "condition-changed"
  | "option-added" | "option-removed" | "option-reworded" | "row-added" | "row-removed" | "row-reworded"
  | "calculate-added" | "calculate-removed" | "calculate-changed";

/** One difference between two versions of an instrument, with a sentence for researchers. */
export interface DefinitionChange {
  kind: ChangeKind;
  page?: string;
  question?: string;
  option?: string;
  /** Which field: label, hint, wording, relevant, required, constraint, … */
  field?: string;
  language?: string;
  before?: string;
  after?: string;
  message: string;
}

const TEXT_FIELDS = ["label", "hint", "wording", "requiredMessage", "constraintMessage", "minLabel", "maxLabel"] as const;
const CONDITIONS = ["relevant", "required", "constraint", "choiceFilter", "readOnly"] as const;

function textChanges(before: Text | undefined, after: Text | undefined): { language: string; before?: string; after?: string }[] {
  const langs = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...langs].filter((l) => (before?.[l] ?? "") !== (after?.[l] ?? "")).map((l) => ({ language: l, before: before?.[l], after: after?.[l] }));
}

function optionsOf(q: Question): Option[] {
  return "options" in q ? q.options : [];
}

function questionIndex(def: SurveyDefinition): Map<string, { q: Question; page: string }> {
  return new Map(def.pages.flatMap((p) => p.questions.map((q) => [q.name, { q, page: p.id }] as const)));
}

/**
 * What changed from one definition version to the next, matched by page id, question name
 * and option code: added, removed, moved, reworded (per language), type and condition
 * changes. Pure; used to review a new version and to warn when data will not line up.
 */
export function diffDefinitions(before: SurveyDefinition, after: SurveyDefinition): DefinitionChange[] {
  const out: DefinitionChange[] = [];
  const pagesBefore = new Set(before.pages.map((p) => p.id));
  const pagesAfter = new Set(after.pages.map((p) => p.id));
  for (const p of before.pages) if (!pagesAfter.has(p.id)) out.push({ kind: "page-removed", page: p.id, message: `Page "${p.id}" removed` });
  for (const p of after.pages) if (!pagesBefore.has(p.id)) out.push({ kind: "page-added", page: p.id, message: `Page "${p.id}" added` });

  const qb = questionIndex(before);
  const qa = questionIndex(after);
  for (const [name, { q, page }] of qb) {
    if (!qa.has(name)) out.push({ kind: "question-removed", question: name, page, message: `Question "${name}" (${q.type}) removed from page "${page}"` });
  }
  for (const [name, { q: a, page }] of qa) {
    const old = qb.get(name);
    if (!old) {
      out.push({ kind: "question-added", question: name, page, message: `Question "${name}" (${a.type}) added on page "${page}"` });
      continue;
    }
    const b = old.q;
    if (old.page !== page) out.push({ kind: "question-moved", question: name, before: old.page, after: page, message: `Question "${name}" moved from page "${old.page}" to "${page}"` });
    if (b.type !== a.type) out.push({ kind: "question-type-changed", question: name, before: b.type, after: a.type, message: `Question "${name}" changed type from ${b.type} to ${a.type}` });
    for (const field of TEXT_FIELDS) {
      const tb = (b as Record<string, unknown>)[field] as Text | undefined;
      const ta = (a as Record<string, unknown>)[field] as Text | undefined;
      if (!tb !== !ta) {
        // A field that only one of two different types has (a scale's labels) is not a rewording.
        if (b.type === a.type) out.push({ kind: "question-reworded", question: name, field, message: `Question "${name}": ${field} ${ta ? "added" : "removed"}` });
        continue;
      }
      for (const c of textChanges(tb, ta)) {
        out.push({ kind: "question-reworded", question: name, field, ...c, message: `Question "${name}": ${field} (${c.language}) changed from "${c.before ?? ""}" to "${c.after ?? ""}"` });
      }
    }
    if (b.type === "consent" && a.type === "consent" && b.wordingVersion !== a.wordingVersion) {
      out.push({ kind: "question-reworded", question: name, field: "wordingVersion", before: b.wordingVersion, after: a.wordingVersion, message: `Question "${name}": consent wording version changed from "${b.wordingVersion}" to "${a.wordingVersion}"` });
    }
    for (const field of CONDITIONS) {
      const cb = String((b as Record<string, unknown>)[field] ?? "");
      const ca = String((a as Record<string, unknown>)[field] ?? "");
      if (cb !== ca) out.push({ kind: "condition-changed", question: name, field, before: cb, after: ca, message: `Question "${name}": ${field} changed from "${cb}" to "${ca}"` });
    }
    diffOptions(name, optionsOf(b), optionsOf(a), out, "option");
    if (b.type === "matrix" && a.type === "matrix") diffOptions(name, b.rows, a.rows, out, "row");
  }

  const cb = new Map(before.calculates.map((c) => [c.name, c.calculation]));
  const ca = new Map(after.calculates.map((c) => [c.name, c.calculation]));
  for (const [name, calc] of cb) {
    if (!ca.has(name)) out.push({ kind: "calculate-removed", question: name, before: calc, message: `Calculate "${name}" removed` });
    else if (ca.get(name) !== calc) out.push({ kind: "calculate-changed", question: name, before: calc, after: ca.get(name), message: `Calculate "${name}" changed from "${calc}" to "${ca.get(name)}"` });
  }
  for (const [name, calc] of ca) if (!cb.has(name)) out.push({ kind: "calculate-added", question: name, after: calc, message: `Calculate "${name}" added` });
  return out;
}

type Choice = Pick<Option, "code" | "label" | "relevant" | "labelVariants">;

function diffOptions(question: string, before: Choice[], after: Choice[], out: DefinitionChange[], what: "option" | "row"): void {
  const ob = new Map(before.map((o) => [o.code, o]));
  const oa = new Map(after.map((o) => [o.code, o]));
  for (const code of ob.keys()) if (!oa.has(code)) out.push({ kind: `${what}-removed`, question, option: code, message: `Question "${question}": ${what} "${code}" removed` });
  for (const [code, a] of oa) {
    const b = ob.get(code);
    if (!b) {
      out.push({ kind: `${what}-added`, question, option: code, message: `Question "${question}": ${what} "${code}" added` });
      continue;
    }
    for (const c of textChanges(b.label, a.label)) {
      out.push({ kind: `${what}-reworded`, question, option: code, field: "label", ...c, message: `Question "${question}": ${what} "${code}" (${c.language}) changed from "${c.before ?? ""}" to "${c.after ?? ""}"` });
    }
    const vb = JSON.stringify(b.labelVariants ?? []);
    const va = JSON.stringify(a.labelVariants ?? []);
    if (vb !== va) out.push({ kind: `${what}-reworded`, question, option: code, field: "labelVariants", before: vb, after: va, message: `Question "${question}": ${what} "${code}" wording variants changed` });
    if ((b.relevant ?? "") !== (a.relevant ?? "")) {
      out.push({ kind: "condition-changed", question, option: code, field: "relevant", before: b.relevant ?? "", after: a.relevant ?? "", message: `Question "${question}": ${what} "${code}" relevant changed from "${b.relevant ?? ""}" to "${a.relevant ?? ""}"` });
    }
  }
}
