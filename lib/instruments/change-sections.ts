import type { ChangeKind, DefinitionChange } from "../surveys/diff-definitions";

export type ChangeRow = DefinitionChange & {
  /** A few words for the table, e.g. "Option added", "Label reworded". */
  what: string;
};

export type ChangeSection = { key: "added" | "removed" | "reworded" | "type" | "moved" | "conditions"; title: string; rows: ChangeRow[] };

const SECTIONS: { key: ChangeSection["key"]; title: string; kinds: ChangeKind[] }[] = [
  { key: "added", title: "Added", kinds: ["page-added", "question-added", "option-added", "row-added", "calculate-added"] },
  { key: "removed", title: "Removed", kinds: ["page-removed", "question-removed", "option-removed", "row-removed", "calculate-removed"] },
  { key: "reworded", title: "Reworded", kinds: ["question-reworded", "option-reworded", "row-reworded"] },
  { key: "type", title: "Type changed", kinds: ["question-type-changed"] },
  { key: "moved", title: "Moved to another page", kinds: ["question-moved"] },
  { key: "conditions", title: "Conditions and calculations changed", kinds: ["condition-changed", "calculate-changed"] },
];

const FIELD_WORDS: Record<string, string> = {
  label: "Label", hint: "Hint", wording: "Consent wording", wordingVersion: "Consent wording version", requiredMessage: "Required message",
  constraintMessage: "Constraint message", minLabel: "Scale start label", maxLabel: "Scale end label", labelVariants: "Wording variants",
  relevant: "Shown when", required: "Required", constraint: "Constraint", choiceFilter: "Choice filter", readOnly: "Read-only",
};

function what(c: DefinitionChange): string {
  const [thing, action] = [c.kind.slice(0, c.kind.indexOf("-")), c.kind.slice(c.kind.indexOf("-") + 1)];
  const noun = { page: "Page", question: "Question", option: "Option", row: "Matrix row", calculate: "Calculation", condition: "Condition" }[thing] ?? thing;
  const field = c.field ? FIELD_WORDS[c.field] ?? c.field : undefined;
  if (c.kind === "condition-changed") return c.option ? `Option condition (${field ?? "condition"})` : `${field ?? "Condition"} changed`;
  if (action === "reworded") return thing === "question" ? `${field ?? "Text"} reworded` : `${noun} ${(field ?? "label").toLowerCase()} reworded`;
  if (action === "type-changed") return "Type changed";
  return `${noun} ${action}`;
}

/**
 * The changes from diffDefinitions grouped for reading: added, removed, reworded (one row per
 * language), type changed, moved, conditions. Empty sections are left out. Pure.
 */
export function changeSections(changes: DefinitionChange[]): ChangeSection[] {
  return SECTIONS.map((s) => ({ key: s.key, title: s.title, rows: changes.filter((c) => s.kinds.includes(c.kind)).map((c) => ({ ...c, what: what(c) })) }))
    .filter((s) => s.rows.length > 0);
}
