import type { MatrixRow, Option, Question, Text } from "../definition";
import type { Path } from "../texts";
import { closestName } from "../suggest";
import type { ImportContext, SheetCells } from "./context";
import type { ChoiceList } from "./read-choices";
import type { SheetRow } from "./read-workbook";
import type { RowKind } from "./row-types";

export interface BuildOptions {
  lists: Map<string, ChoiceList>;
  choices: SheetCells | null;
  version?: string;
  languages: string[];
  /** Relevants of enclosing nested groups, joined onto the question's own. */
  inherited: string[];
  path: Path;
}

export interface BuiltQuestion {
  question: Question;
  /** Lists the question uses (options, and matrix rows). */
  lists: string[];
  /** Choices-sheet rows of each option (null for an option the importer added). */
  optionRows: ({ row: number; variantRows: number[] } | null)[];
  matrixRows: number[];
}

const OTHER: Text = { en: "Other", uk: "Інше", ru: "Другое", nb: "Annet" };
const TRUE = new Set(["yes", "true", "true()", "1", "y"]);
const FALSE = new Set(["no", "false", "false()", "0", "n"]);

/** Each question gets its own copy of a shared list (structuredClone is slow for 1,000s of them). */
function copyOption(o: Option): Option {
  const copy: Option = { ...o, label: { ...o.label } };
  if (o.filter) copy.filter = { ...o.filter };
  if (o.labelVariants) copy.labelVariants = o.labelVariants.map((v) => ({ ...v, label: { ...v.label } }));
  return copy;
}

export function parseParameters(raw: string): Map<string, string> | string {
  const out = new Map<string, string>();
  for (const token of raw.split(/[\s;,]+/).filter(Boolean)) {
    const m = /^([A-Za-z_]+)=(.+)$/.exec(token);
    if (!m) return `Cannot read parameter "${token}"; write key=value pairs, e.g. "start=1 end=5"`;
    out.set(m[1].toLowerCase(), m[2]);
  }
  return out;
}

/** Builds one question from a survey row; problems go to ctx and the question is kept when possible. */
export function buildQuestion(row: SheetRow, kind: Extract<RowKind, { kind: "question" }>, cells: SheetCells, ctx: ImportContext, opts: BuildOptions): BuiltQuestion | null {
  const name = cells.value(row, "name");
  const out: BuiltQuestion = { question: null as unknown as Question, lists: [], optionRows: [], matrixRows: [] };
  const flag = (base: string): boolean | string | undefined => {
    const v = cells.value(row, base);
    if (!v) return undefined;
    if (TRUE.has(v.toLowerCase())) return true;
    if (FALSE.has(v.toLowerCase())) return undefined;
    return cells.expression(row, base);
  };
  const params = parseParameters(cells.value(row, "parameters"));
  if (typeof params === "string") ctx.error(cells.issue(row, "parameters", params));
  const param = (key: string): number | undefined => {
    const v = typeof params === "string" ? undefined : params.get(key);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (Number.isNaN(n)) ctx.error(cells.issue(row, "parameters", `Parameter ${key}=${v} is not a number`));
    return Number.isNaN(n) ? undefined : n;
  };

  let type = kind.type;
  const tokens = cells.value(row, "appearance").split(/\s+/).filter(Boolean);
  const take = (token: string) => {
    const i = tokens.findIndex((t) => t.toLowerCase() === token);
    if (i >= 0) tokens.splice(i, 1);
    return i >= 0;
  };
  // ODK's table layout: the `label` row only prints the choices as column headings, so it is
  // no question; `list-nolabel` rows become ordinary questions that show their own choices.
  if ((type === "single" || type === "multiple") && take("label")) {
    ctx.warn(cells.issue(row, "appearance", `"${name}" is the heading row of a table (appearance "label"); it asks nothing, so it is left out and each question below shows its own choices`));
    return null;
  }
  if ((type === "single" || type === "multiple") && take("list-nolabel")) {
    ctx.warn(cells.issue(row, "appearance", `"${name}" is a row of a table (appearance "list-nolabel"); Panelwave shows it as a question with its own choices`));
  }
  if (type === "text" && take("multiline")) type = "textarea";
  else if (type === "text" && take("email")) type = "email";
  else if (type === "date" && take("month-year")) type = "month";

  const q: Record<string, unknown> = { name, type, label: cells.text(row, "label") ?? {} };
  const set = (key: string, value: unknown) => { if (value !== undefined && value !== "") q[key] = value; };
  set("hint", cells.text(row, "hint"));
  const required = flag("required");
  if (required && type === "note") ctx.warn(cells.issue(row, "required", `Note "${name}" has no answer, so "required" is ignored`));
  else set("required", required);
  set("requiredMessage", cells.text(row, "required_message"));
  const own = cells.expression(row, "relevant");
  const conditions = [...opts.inherited, ...(own ? [own] : [])];
  set("relevant", conditions.length > 1 ? conditions.map((c) => `(${c})`).join(" and ") : conditions[0]);
  set("constraint", cells.expression(row, "constraint"));
  set("constraintMessage", cells.text(row, "constraint_message"));
  // SurveyCTO templates write "null" for no default.
  const dflt = cells.value(row, "default");
  set("default", dflt.toLowerCase() === "null" ? undefined : dflt);
  set("appearance", tokens.join(" "));
  set("readOnly", flag("read_only"));
  // "identifier" = yes marks an answer that names the person (de-identified exports drop it).
  if (flag("identifier") === true) q.identifier = true;

  const listFor = (listName: string): ChoiceList | undefined => {
    const list = opts.lists.get(listName);
    if (!list) {
      const near = closestName(listName, opts.lists.keys());
      ctx.error(cells.issue(row, "type", `List "${listName}" is not on the choices sheet${near ? `; did you mean "${near}"?` : ""}`));
    } else out.lists.push(listName);
    return list;
  };
  const placeholder = (): Option[] => [{ code: "_", label: Object.fromEntries(opts.languages.map((l) => [l, "?"])) }];

  if (type === "single" || type === "multiple" || type === "matrix") {
    const list = listFor(kind.list!);
    const options: Option[] = list ? list.options.map(copyOption) : placeholder();
    out.optionRows = list ? list.rows.map((r) => ({ ...r })) : [null];
    if (kind.orOther) {
      q.other = true;
      if (!options.some((o) => o.code === "other")) {
        options.push({ code: "other", label: Object.fromEntries(opts.languages.map((l) => [l, OTHER[l] ?? OTHER.en])) });
        out.optionRows.push(null);
      }
    }
    q.options = options;
    if (type !== "matrix") set("choiceFilter", cells.expression(row, "choice_filter"));
  }
  if (type === "matrix") {
    const rowsList = typeof params === "string" ? undefined : params.get("rows");
    if (!rowsList) ctx.error(cells.issue(row, "parameters", `A matrix needs its rows list in parameters, e.g. "rows=${name}_rows"`));
    const list = rowsList ? listFor(rowsList) : undefined;
    q.rows = list
      ? list.options.map((o): MatrixRow => (o.relevant ? { code: o.code, label: o.label, relevant: o.relevant } : { code: o.code, label: o.label }))
      : [{ code: "row", label: Object.fromEntries(opts.languages.map((l) => [l, "?"])) }];
    out.matrixRows = list ? list.rows.map((r) => r.row) : [];
  }
  if (type === "integer" || type === "decimal") {
    set("min", param("min"));
    set("max", param("max"));
  }
  if (type === "scale" && kind.range) {
    // ODK's range (defaults start=1 end=10 step=1) is a scale when it counts whole steps of 1.
    const start = param("start") ?? 1;
    const end = param("end") ?? 10;
    const step = param("step") ?? 1;
    if (Math.abs(step) !== 1 || !Number.isInteger(start) || !Number.isInteger(end)) {
      ctx.error(cells.issue(row, "parameters", `range "${name}" (start=${start} end=${end} step=${step}) is not supported: Panelwave reads a range as a scale of whole numbers in steps of 1; use a decimal question with min and max instead`));
    }
    q.min = Math.min(start, end);
    q.max = Math.max(start, end);
    set("minLabel", cells.text(row, "min_label"));
    set("maxLabel", cells.text(row, "max_label"));
  } else if (type === "scale") {
    const min = param("start") ?? param("min");
    const max = param("end") ?? param("max");
    if (min === undefined || max === undefined) ctx.error(cells.issue(row, "parameters", `A scale needs parameters start and end, e.g. "start=1 end=5"`));
    q.min = min ?? 1;
    q.max = max ?? 5;
    set("minLabel", cells.text(row, "min_label"));
    set("maxLabel", cells.text(row, "max_label"));
  }
  if (type === "consent") {
    const wording = cells.text(row, "wording");
    if (!wording) ctx.warn(cells.issue(row, "wording", `Consent "${name}" has no wording column; its label is recorded as the wording shown`));
    q.wording = wording ?? q.label;
    const version = cells.value(row, "wording_version") || opts.version;
    if (!cells.value(row, "wording_version")) {
      ctx.warn(cells.issue(row, "wording_version", `Consent "${name}" has no wording_version; using "${version ?? "1"}" (change it whenever the wording changes)`));
    }
    q.wordingVersion = version ?? "1";
  }
  out.question = q as Question;
  return out;
}
