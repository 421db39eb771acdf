import type { MatrixRow, Question, SurveyDefinition } from "./definition";
import type { Path } from "./texts";

export type VariableKind = "question" | "other" | "matrix-row" | "calculate" | "preload" | "note" | "matrix" | "repeat";

/** A name in the definition's single namespace. Notes and matrices have names but no value. */
export interface VariableInfo {
  name: string;
  kind: VariableKind;
  /** The question that owns it (for question, other, matrix-row, note, matrix). */
  question?: Question;
  pageId?: string;
  row?: MatrixRow;
  /** The repeat whose entries hold it (questions of a repeat page). */
  repeat?: string;
  /** Where the name is declared, for error messages. */
  path: Path;
}

export const otherVariable = (questionName: string) => `${questionName}_other`;
export const matrixRowVariable = (questionName: string, rowCode: string) => `${questionName}_${rowCode}`;

type DefinitionLike = Pick<SurveyDefinition, "preload" | "pages" | "calculates">;

/** All names, in declaration order: preload, then questions page by page, then calculates. */
export function listVariables(def: DefinitionLike): VariableInfo[] {
  const out: VariableInfo[] = [];
  def.preload.forEach((p, i) => out.push({ name: p.name, kind: "preload", path: ["preload", i, "name"] }));
  def.pages.forEach((page, i) => {
    if (page.repeat) out.push({ name: page.repeat.name, kind: "repeat", pageId: page.id, path: ["pages", i, "repeat", "name"] });
    page.questions.forEach((q, j) => {
      const path: Path = ["pages", i, "questions", j];
      const owner = { question: q, pageId: page.id, ...(page.repeat ? { repeat: page.repeat.name } : {}) };
      const kind: VariableKind = q.type === "note" ? "note" : q.type === "matrix" ? "matrix" : "question";
      out.push({ name: q.name, kind, ...owner, path: [...path, "name"] });
      if ((q.type === "single" || q.type === "multiple") && q.other) {
        out.push({ name: otherVariable(q.name), kind: "other", ...owner, path: [...path, "other"] });
      }
      if (q.type === "matrix") {
        q.rows.forEach((row, k) =>
          out.push({ name: matrixRowVariable(q.name, row.code), kind: "matrix-row", ...owner, row, path: [...path, "rows", k, "code"] }),
        );
      }
    });
  });
  def.calculates.forEach((c, i) => out.push({ name: c.name, kind: "calculate", path: ["calculates", i, "name"] }));
  return out;
}

/** How a name is described in an error message. */
export function describeVariable(v: VariableInfo): string {
  switch (v.kind) {
    case "preload": return `the preload field "${v.name}"`;
    case "calculate": return `the calculate "${v.name}"`;
    case "other": return `the "other, specify" field of question "${v.question?.name}"`;
    case "matrix-row": return `row "${v.row?.code}" of matrix "${v.question?.name}"`;
    case "repeat": return `the repeat "${v.name}" on page "${v.pageId}"`;
    case "note": return `the note "${v.name}" on page "${v.pageId}"`;
    default: return `the question "${v.name}" on page "${v.pageId}"`;
  }
}

/** Names that hold a value and may appear as `${name}`. */
export const hasValue = (v: VariableInfo) => v.kind !== "note" && v.kind !== "matrix";
