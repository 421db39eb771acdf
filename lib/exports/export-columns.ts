// The columns an instrument exports to: one per single choice, number, text, date and matrix
// row; one 0/1 column per option of a multiple choice plus its "other" text; merged options
// (one code, several wordings) stay one column. Contact fields (email) are never exported.
import type { Option, Page, Question, SurveyDefinition, Text } from "../surveys/definition";
import { getPlan } from "../surveys/plan";
import type { Cell } from "../files/cells";

export type ColumnType = "single" | "option" | "other" | "text" | "number" | "date" | "month" | "time" | "datetime" | "consent" | "matrix-row";

export type ExportColumn = {
  /** Column name without any wave prefix, e.g. `reasons_family`. */
  name: string;
  /** The stored variable the column reads (for option columns: the question). */
  variable: string;
  type: ColumnType;
  questionType: Question["type"];
  /** Variable label per language (for option columns: question label – option label). */
  label: Text;
  /** Value labels: option codes of single choices and matrix rows, 0/1 of option columns. */
  values: { code: string; label: Text }[];
  /** Under which condition the respondent saw it (page, question, row or option conditions). */
  shownWhen: string | null;
  /** For merged options: the wordings per condition, e.g. returned / moved on. */
  variants?: { when: string; label: Text }[];
  numeric: boolean;
  /** Reads the cell from a response's answers. */
  read: (answers: Record<string, unknown>) => Cell;
};

const and = (...parts: (string | undefined)[]) => {
  const xs = parts.filter((p): p is string => !!p);
  if (xs.length === 0) return null;
  return xs.length === 1 ? xs[0] : xs.map((x) => `(${x})`).join(" and ");
};

const join = (a: Text, b: Text): Text => {
  const out: Text = {};
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) out[k] = `${a[k] ?? Object.values(a)[0] ?? ""} – ${b[k] ?? Object.values(b)[0] ?? ""}`;
  return out;
};

const YES_NO: Text[] = [
  { en: "No", nb: "Nei", uk: "Ні", ru: "Нет" },
  { en: "Yes", nb: "Ja", uk: "Так", ru: "Да" },
];

const str = (v: unknown): Cell => (v === undefined || v === null || v === "" ? null : typeof v === "number" ? v : Array.isArray(v) ? v.join(" ") : String(v));
const num = (v: unknown): Cell => {
  if (typeof v === "number") return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return str(v);
};

function optionColumn(q: Question & { options: Option[] }, o: Option, shown: string | null): ExportColumn {
  const name = q.name;
  const code = o.code;
  return {
    name: `${name}_${code}`,
    variable: name,
    type: "option",
    questionType: q.type,
    label: join(q.label, o.label),
    values: [{ code: "0", label: YES_NO[0] }, { code: "1", label: YES_NO[1] }],
    shownWhen: and(shown ?? undefined, o.relevant),
    variants: o.labelVariants?.map((v) => ({ when: v.when, label: v.label })),
    numeric: true,
    read: (a) => {
      const v = a[name];
      if (v === undefined || v === null) return null;
      return (Array.isArray(v) ? v.includes(code) : String(v).split(" ").includes(code)) ? 1 : 0;
    },
  };
}

/** `<repeat>_count`: how many entries the response has (empty when the repeat was not shown). */
function repeatCount(page: Page): ExportColumn {
  const name = page.repeat!.name;
  const title = (lang: string) => page.title?.[lang] ?? page.title?.en ?? name;
  return {
    name: `${name}_count`, variable: name, type: "number", questionType: "integer", numeric: true, values: [], shownWhen: page.relevant ?? null,
    label: { en: `Number of entries: ${title("en")}`, nb: `Antall oppføringer: ${title("nb")}`, uk: `Кількість записів: ${title("uk")}`, ru: `Количество записей: ${title("ru")}` },
    read: (a) => (Array.isArray(a[name]) ? (a[name] as unknown[]).length : null),
  };
}

/**
 * The export columns of one instrument, in questionnaire order, names unique. A repeat's questions
 * are columns of its own long table (`repeat` names it); the main table has `<repeat>_count`.
 */
export function exportColumns(def: SurveyDefinition, repeat?: string): ExportColumn[] {
  const out: ExportColumn[] = [];
  const plan = getPlan(def);
  for (const qp of plan.questions) {
    const q = qp.q;
    const inRepeat = plan.repeatOf.get(q.name) ?? def.pages[qp.pageIndex].repeat?.name;
    if (inRepeat !== repeat) {
      if (!repeat && inRepeat && plan.repeats.get(inRepeat)?.questions[0] === qp) out.push(repeatCount(def.pages[qp.pageIndex]));
      continue;
    }
    const shown = and(qp.pageIndex >= 0 ? def.pages[qp.pageIndex].relevant : undefined, q.relevant);
    const base = { questionType: q.type, shownWhen: shown, label: q.label, values: [] as ExportColumn["values"], numeric: false };
    const v = q.name;
    switch (q.type) {
      case "note":
      case "email":
        break;
      case "single":
        out.push({ ...base, name: v, variable: v, type: "single", values: q.options.map((o) => ({ code: o.code, label: o.label })), read: (a) => str(a[v]) });
        break;
      case "multiple":
        for (const o of q.options) out.push(optionColumn(q, o, shown));
        break;
      case "matrix":
        for (const r of qp.rows) {
          const rv = r.variable;
          out.push({
            ...base, name: rv, variable: rv, type: "matrix-row", label: join(q.label, r.row.label), shownWhen: and(shown ?? undefined, r.row.relevant),
            values: q.options.map((o) => ({ code: o.code, label: o.label })), read: (a) => str(a[rv]),
          });
        }
        break;
      case "consent":
        out.push({ ...base, name: v, variable: v, type: "consent", values: [{ code: "yes", label: YES_NO[1] }, { code: "no", label: YES_NO[0] }], read: (a) => str(a[v]) });
        break;
      case "integer":
      case "decimal":
      case "scale":
        out.push({ ...base, name: v, variable: v, type: "number", numeric: true, read: (a) => num(a[v]) });
        break;
      case "date":
      case "month":
      case "time":
      case "datetime":
        out.push({ ...base, name: v, variable: v, type: q.type, read: (a) => str(a[v]) });
        break;
      default:
        out.push({ ...base, name: v, variable: v, type: "text", read: (a) => str(a[v]) });
    }
    if (qp.otherVariable) {
      const ov = qp.otherVariable;
      out.push({
        ...base, name: `${ov}_text`, variable: ov, type: "other", label: join(q.label, { en: "other, specify", nb: "annet, spesifiser", uk: "інше, уточніть", ru: "другое, уточните" }),
        shownWhen: and(shown ?? undefined, q.type === "multiple" ? `selected(\${${v}}, 'other')` : `\${${v}} = 'other'`),
        read: (a) => str(a[ov]),
      });
    }
  }
  return dedupe(out);
}

function dedupe(cols: ExportColumn[]): ExportColumn[] {
  const seen = new Set<string>();
  return cols.map((c) => {
    let name = c.name;
    for (let i = 2; seen.has(name); i++) name = `${c.name}_${i}`;
    seen.add(name);
    return name === c.name ? c : { ...c, name };
  });
}

/** A wave slug as a variable-name prefix that SPSS, Stata and R accept: "wave-1" → "wave_1". */
export function wavePrefix(slug: string): string {
  const s = slug.replace(/[^A-Za-z0-9_]/g, "_");
  return /^[A-Za-z]/.test(s) ? s : `w${s}`;
}
