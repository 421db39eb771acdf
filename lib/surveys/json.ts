import type { z } from "zod";
import { type SurveyDefinition, surveyDefinitionSchema } from "./definition";

export interface DefinitionIssue {
  /** JSON path, e.g. `pages[3].questions[0].relevant`. */
  path: string;
  /** The same place in words, e.g. `page "leaving" › question "reasons" › relevant`. */
  where: string;
  message: string;
}

export type DefinitionParseResult =
  | { ok: true; definition: SurveyDefinition }
  | { ok: false; errors: DefinitionIssue[] };

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), "");
}

/** Names the place in words, using page ids, question names and option codes. */
export function describePath(input: unknown, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let node: unknown = input;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const child = node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    const parent = i > 0 ? path[i - 1] : undefined;
    const rec = (child ?? {}) as Record<string, unknown>;
    if (typeof key === "number" && parent === "pages") parts.push(`page "${String(rec.id ?? key + 1)}"`);
    else if (typeof key === "number" && parent === "questions") parts.push(`question "${String(rec.name ?? key + 1)}"`);
    else if (typeof key === "number" && (parent === "options" || parent === "rows")) parts.push(`${parent === "rows" ? "row" : "option"} "${String(rec.code ?? key + 1)}"`);
    else if (typeof key === "number" && (parent === "calculates" || parent === "preload")) parts.push(`${parent === "calculates" ? "calculate" : "preload field"} "${String(rec.name ?? key + 1)}"`);
    else if (typeof key === "number") parts.push(`#${key + 1}`);
    else if (!["pages", "questions", "options", "rows", "calculates", "preload"].includes(String(key))) parts.push(String(key));
    node = child;
  }
  return parts.join(" › ") || "(definition)";
}

export function issuesFrom(error: z.ZodError, input: unknown): DefinitionIssue[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), where: describePath(input, i.path), message: i.message }));
}

/** Checks a value (already parsed JSON) against the schema. */
export function parseDefinition(input: unknown): DefinitionParseResult {
  const r = surveyDefinitionSchema.safeParse(input);
  return r.success ? { ok: true, definition: r.data } : { ok: false, errors: issuesFrom(r.error, input) };
}

/** Native JSON import: syntax errors and every schema problem, each with its path. */
export function parseDefinitionJson(text: string): DefinitionParseResult {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ path: "", where: "(file)", message: `Not valid JSON: ${(e as Error).message}` }] };
  }
  return parseDefinition(input);
}

/** Native JSON export, stable and readable in a diff. */
export function stringifyDefinition(def: SurveyDefinition): string {
  return `${JSON.stringify(def, null, 2)}\n`;
}
