import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SurveyDefinition } from "../../../lib/surveys/definition";
import { formatIssue, importXlsForm } from "../../../lib/surveys/xlsform/index";

const root = join(import.meta.dirname, "../../..");

/** Imports a demo instrument from its committed .xlsx, as the app does. */
export async function loadDemoForm(name: "wave1" | "wave2"): Promise<SurveyDefinition> {
  const result = await importXlsForm(readFileSync(join(root, "db/seed/forms", `${name}.xlsx`)));
  if (!result.ok) throw new Error(result.errors.map(formatIssue).join("\n"));
  return result.definition;
}

export const NOW = new Date("2023-06-15T10:00:00Z");
