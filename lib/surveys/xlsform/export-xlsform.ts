import ExcelJS from "exceljs";
import type { MatrixRow, Option, Question, SurveyDefinition, Text } from "../definition";
import { translatedHeader } from "./headers";

type Row = Record<string, string | number | undefined>;

/** Column order of the survey sheet; a column is written only when some row uses it. */
const SURVEY_COLUMNS = ["type", "name", "label*", "hint*", "required", "required_message*", "relevant", "constraint", "constraint_message*",
  "calculation", "choice_filter", "default", "appearance", "read_only", "parameters", "wording*", "wording_version", "min_label*", "max_label*", "identifier", "repeat_count"];

function putText(row: Row, base: string, text: Text | undefined): void {
  for (const [lang, value] of Object.entries(text ?? {})) if (value) row[`${base}::${lang}`] = value;
}
const flag = (v: boolean | string | undefined) => (v === true ? "yes" : typeof v === "string" ? v : undefined);

class ListNames {
  private readonly byContent = new Map<string, string>();
  private readonly used = new Set<string>();
  readonly lists: { name: string; options: (Option | MatrixRow)[] }[] = [];
  /** Identical lists are written once, named after the first question that uses them. */
  nameFor(preferred: string, options: (Option | MatrixRow)[]): string {
    const key = JSON.stringify(options);
    const existing = this.byContent.get(key);
    if (existing) return existing;
    let name = preferred;
    for (let i = 2; this.used.has(name); i++) name = `${preferred}_${i}`;
    this.used.add(name);
    this.byContent.set(key, name);
    this.lists.push({ name, options });
    return name;
  }
}

function questionRow(q: Question, lists: ListNames): Row {
  const row: Row = { name: q.name };
  const appearance: string[] = [];
  let type: string = q.type;
  const params: string[] = [];
  switch (q.type) {
    case "single":
    case "multiple":
      type = `${q.type === "single" ? "select_one" : "select_multiple"} ${lists.nameFor(q.name, q.options)}${q.other ? " or_other" : ""}`;
      row.choice_filter = q.choiceFilter;
      break;
    case "matrix":
      type = `matrix ${lists.nameFor(q.name, q.options)}`;
      params.push(`rows=${lists.nameFor(`${q.name}_rows`, q.rows)}`);
      break;
    case "textarea": type = "text"; appearance.push("multiline"); break;
    case "email": type = "text"; appearance.push("email"); break;
    case "month": type = "date"; appearance.push("month-year"); break;
    case "integer":
    case "decimal":
      if (q.min !== undefined) params.push(`min=${q.min}`);
      if (q.max !== undefined) params.push(`max=${q.max}`);
      break;
    case "scale":
      params.push(`start=${q.min}`, `end=${q.max}`);
      putText(row, "min_label", q.minLabel);
      putText(row, "max_label", q.maxLabel);
      break;
    case "consent":
      putText(row, "wording", q.wording);
      row.wording_version = q.wordingVersion;
      break;
  }
  row.type = type;
  putText(row, "label", q.label);
  putText(row, "hint", q.hint);
  putText(row, "required_message", q.requiredMessage);
  putText(row, "constraint_message", q.constraintMessage);
  Object.assign(row, {
    required: flag(q.required), relevant: q.relevant, constraint: q.constraint, default: q.default,
    read_only: flag(q.readOnly), identifier: q.identifier ? "yes" : undefined, parameters: params.join(" ") || undefined,
    appearance: [...appearance, ...(q.appearance ? [q.appearance] : [])].join(" ") || undefined,
  });
  return row;
}

function choiceRows(lists: ListNames): { rows: Row[]; duplicates: boolean } {
  const rows: Row[] = [];
  let duplicates = false;
  for (const list of lists.lists) {
    for (const o of list.options) {
      const row: Row = { list_name: list.name, name: o.code, relevant: o.relevant };
      putText(row, "label", o.label);
      if ("exclusive" in o && o.exclusive) row.exclusive = "yes";
      if ("filter" in o) for (const [k, v] of Object.entries(o.filter ?? {})) row[`filter:${k}`] = v;
      rows.push(row);
      for (const variant of ("labelVariants" in o ? o.labelVariants : undefined) ?? []) {
        duplicates = true;
        const vr: Row = { list_name: list.name, name: o.code, relevant: variant.when };
        putText(vr, "label", variant.label);
        rows.push(vr);
      }
    }
  }
  return { rows, duplicates };
}

function addSheet(wb: ExcelJS.Workbook, name: string, order: string[], languages: string[], rows: Row[]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  const keys: string[] = [];
  for (const col of order) {
    const expanded = col.endsWith("*") ? languages.map((l) => `${col.slice(0, -1)}::${l}`) : [col];
    for (const k of expanded) if (["type", "name", "list_name"].includes(k) || k.startsWith("label::") || rows.some((r) => r[k] !== undefined && r[k] !== "")) keys.push(k);
  }
  const header = (k: string) => (k.startsWith("filter:") ? k.slice(7) : k.includes("::") ? translatedHeader(k.split("::")[0], k.split("::")[1]) : k);
  ws.addRow(keys.map(header)).font = { bold: true };
  for (const r of rows) ws.addRow(keys.map((k) => r[k] ?? null));
  ws.columns.forEach((c, i) => { c.width = keys[i]?.startsWith("label") ? 40 : 18; });
}

/**
 * Writes a definition as an XLSForm workbook that importXlsForm reads back to an equal
 * definition. Panelwave-only features use the extensions documented in
 * docs/survey-engine.md (consent, scale, matrix, option relevant, label variants).
 */
export async function exportXlsForm(def: SurveyDefinition): Promise<Buffer> {
  const lists = new ListNames();
  const survey: Row[] = [];
  for (const p of def.preload) {
    const row: Row = { type: "hidden", name: p.name, parameters: p.from ? `from=${p.from}` : undefined };
    putText(row, "label", p.label);
    survey.push(row);
  }
  for (const page of def.pages) {
    const r = page.repeat;
    // A repeat is read back as a page named after it; its entry label has no XLSForm column.
    const begin: Row = r
      ? { type: "begin_repeat", name: r.name, relevant: page.relevant, repeat_count: r.count, parameters: [r.min !== undefined ? `min=${r.min}` : "", r.max !== undefined ? `max=${r.max}` : "", r.preload ? "preload=yes" : ""].filter(Boolean).join(" ") || undefined }
      : { type: "begin_group", name: page.id, relevant: page.relevant };
    putText(begin, "label", page.title);
    survey.push(begin, ...page.questions.map((q) => questionRow(q, lists)), { type: r ? "end_repeat" : "end_group", name: r?.name ?? page.id });
  }
  for (const c of def.calculates) survey.push({ type: "calculate", name: c.name, calculation: c.calculation });
  const { rows: choices, duplicates } = choiceRows(lists);
  const filterCols = [...new Set(choices.flatMap((r) => Object.keys(r).filter((k) => k.startsWith("filter:"))))];
  const settings: Row = { form_id: def.id, version: def.version, default_language: def.defaultLanguage, allow_choice_duplicates: duplicates ? "yes" : undefined, style: "pages" };
  putText(settings, "form_title", def.title);

  const wb = new ExcelJS.Workbook();
  wb.creator = "Panelwave";
  wb.created = wb.modified = new Date("2024-01-01T00:00:00Z");
  addSheet(wb, "survey", SURVEY_COLUMNS, def.languages, survey);
  addSheet(wb, "choices", ["list_name", "name", "label*", "relevant", "exclusive", ...filterCols], def.languages, choices);
  addSheet(wb, "settings", ["form_title*", "form_id", "version", "default_language", "allow_choice_duplicates", "style"], def.languages, [settings]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
