// npx tsx scripts/build-demo-forms.ts – writes db/seed/forms/wave1.xlsx and wave2.xlsx from the
// TypeScript definitions next to them, and checks that each file imports back unchanged.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { wave1 } from "../db/seed/forms/wave1-definition";
import { wave2 } from "../db/seed/forms/wave2-definition";
import { type SurveyDefinition, surveyDefinitionSchema } from "../lib/surveys/definition";
import { formatPath } from "../lib/surveys/json";
import { exportXlsForm, formatIssue, importXlsForm } from "../lib/surveys/xlsform/index";

const dir = join(dirname(fileURLToPath(import.meta.url)), "../db/seed/forms");

async function build(name: string, def: SurveyDefinition): Promise<void> {
  const checked = surveyDefinitionSchema.safeParse(def);
  if (!checked.success) {
    for (const i of checked.error.issues) console.error(`${name}: ${formatPath(i.path)}: ${i.message}`);
    throw new Error(`${name} is not a valid definition`);
  }
  const xlsx = await exportXlsForm(checked.data);
  const back = await importXlsForm(xlsx);
  if (!back.ok) {
    back.errors.forEach((e) => console.error(`${name}: ${formatIssue(e)}`));
    throw new Error(`${name}.xlsx does not import`);
  }
  back.warnings.forEach((w) => console.warn(`${name}: warning: ${formatIssue(w)}`));
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(back.definition)), JSON.parse(JSON.stringify(checked.data)))) {
    throw new Error(`${name}.xlsx imports to a different definition`);
  }
  writeFileSync(join(dir, `${name}.xlsx`), xlsx);
  console.log(`wrote db/seed/forms/${name}.xlsx (${def.pages.length} pages)`);
}

await build("wave1", wave1);
await build("wave2", wave2);
