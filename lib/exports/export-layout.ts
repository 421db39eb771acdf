// Wide (one row per participant, each wave's variables prefixed by its slug) and long (one row
// per participant and wave) layouts, with the codebook entry of every column.
import type { ExportParticipant, ExportResponse } from "../../db/queries/exports";
import type { Text } from "../surveys/definition";
import type { Cell } from "../files/cells";
import { exportColumns, wavePrefix, type ExportColumn } from "./export-columns";
import type { StudyWave } from "../studies/load-waves";

export type CodebookEntry = {
  name: string;
  /** The wave slug, or "" for columns of every wave (long layout) and the participant columns. */
  wave: string;
  variable: string;
  type: string;
  label: Text;
  values: { code: string; label: Text }[];
  shownWhen: string | null;
  variants?: { when: string; label: Text }[];
  numeric: boolean;
  /** Decimal numbers (SPSS and Stata formats); other numeric columns hold whole numbers. */
  decimal?: boolean;
  /** What an export profile did to the column (de-identified exports); absent: as stored. */
  transformation?: string;
  /** The table the column is in: a repeat's name for its long table; the main table when absent. */
  table?: string;
};

export type Layout = {
  header: string[];
  codebook: CodebookEntry[];
  /** The rows of one participant (wide: one; long: one per response). */
  rows: (p: ExportParticipant, email: string | null) => Cell[][];
  /** Columns a profile left out of the data; the codebook still lists them, saying why. */
  dropped?: CodebookEntry[];
};

const TRAJECTORY_VALUES = [
  { code: "stayed", label: { en: "Stayed", nb: "Ble", uk: "Залишилися", ru: "Остались" } },
  { code: "returned", label: { en: "Returned", nb: "Reiste tilbake", uk: "Повернулися", ru: "Вернулись" } },
  { code: "moved_on", label: { en: "Moved on", nb: "Flyttet videre", uk: "Переїхали далі", ru: "Переехали дальше" } },
  { code: "unknown", label: { en: "Unknown", nb: "Ukjent", uk: "Невідомо", ru: "Неизвестно" } },
];
const STATUS_VALUES = [
  { code: "completed", label: { en: "Completed", nb: "Fullført", uk: "Завершено", ru: "Завершено" } },
  { code: "started", label: { en: "Started, not completed", nb: "Påbegynt", uk: "Розпочато", ru: "Начато" } },
];

// Meta-column labels in every respondent language: each label_<lang> column of the codebook is in that language.
type Meta = { name: string; label: Text; values?: CodebookEntry["values"]; numeric?: boolean; read: (r: ExportResponse) => Cell };
const META: Meta[] = [
  { name: "status", label: { en: "Response status", nb: "Svarstatus", uk: "Статус відповіді", ru: "Статус ответа" }, values: STATUS_VALUES, read: (r) => r.status },
  { name: "trajectory", label: { en: "Trajectory (stayed, returned, moved on)", nb: "Forløp (ble, reiste tilbake, flyttet videre)", uk: "Траєкторія (залишилися, повернулися, переїхали далі)", ru: "Траектория (остались, вернулись, переехали дальше)" }, values: TRAJECTORY_VALUES, read: (r) => r.trajectory },
  { name: "language", label: { en: "Language answered in", nb: "Språk svart på", uk: "Мова відповідей", ru: "Язык ответов" }, read: (r) => r.language },
  { name: "completed_at", label: { en: "Completed at (UTC)", nb: "Fullført (UTC)", uk: "Час завершення (UTC)", ru: "Время завершения (UTC)" }, read: (r) => (r.completedAt ? r.completedAt.toISOString() : null) },
];

const metaEntry = (name: string, wave: string, m: Meta): CodebookEntry => ({
  name, wave, variable: m.name, type: "meta", label: m.label, values: m.values ?? [], shownWhen: null, numeric: !!m.numeric,
});
export const columnEntry = (name: string, wave: string, c: ExportColumn): CodebookEntry => ({
  name, wave, variable: c.variable, type: c.type, label: c.label, values: c.values, shownWhen: c.shownWhen, variants: c.variants, numeric: c.numeric,
  decimal: c.questionType === "decimal",
});

export function personColumns(identifiers: boolean): CodebookEntry[] {
  const code: CodebookEntry = { name: "code", wave: "", variable: "code", type: "id", label: { en: "Pseudonymous participant code", nb: "Pseudonym deltakerkode", uk: "Псевдонімний код учасника", ru: "Псевдонимный код участника" }, values: [], shownWhen: null, numeric: false };
  const email: CodebookEntry = { name: "email", wave: "", variable: "email", type: "identifier", label: { en: "Email (identifier; admins only)", nb: "E-post (identifikator; bare administratorer)", uk: "Електронна пошта (ідентифікатор; лише адміністратори)", ru: "Электронная почта (идентификатор; только администраторы)" }, values: [], shownWhen: null, numeric: false };
  return identifiers ? [code, email] : [code];
}

/** Wide: code [email], then per wave `<slug>_status … <slug>_<variable>`. */
export function wideLayout(waves: StudyWave[], identifiers: boolean): Layout {
  const blocks = waves.map((w) => ({ w, prefix: wavePrefix(w.slug), cols: exportColumns(w.def) }));
  const codebook = [
    ...personColumns(identifiers),
    ...blocks.flatMap((b) => [
      ...META.map((m) => metaEntry(`${b.prefix}_${m.name}`, b.w.slug, m)),
      ...b.cols.map((c) => columnEntry(`${b.prefix}_${c.name}`, b.w.slug, c)),
    ]),
  ];
  const width = codebook.length;
  const readers = blocks.map((b) => ({ id: b.w.id, meta: META.map((m) => m.read), cols: b.cols.map((c) => c.read), n: META.length + b.cols.length }));
  return {
    header: codebook.map((c) => c.name),
    codebook,
    rows: (p, email) => {
      const row = new Array<Cell>(width);
      let i = 0;
      row[i++] = p.code;
      if (identifiers) row[i++] = email;
      for (const b of readers) {
        const r = p.responses.find((x) => x.waveId === b.id);
        if (!r) {
          for (let k = 0; k < b.n; k++) row[i++] = null;
          continue;
        }
        for (const m of b.meta) row[i++] = m(r);
        const a = r.answers;
        for (const c of b.cols) row[i++] = c(a);
      }
      return [row];
    },
  };
}

/** The wave column of a long table: its value labels are the waves' names. */
export const waveEntry = (waves: StudyWave[]): CodebookEntry => ({ name: "wave", wave: "", variable: "wave", type: "meta", label: { en: "Wave", nb: "Runde", uk: "Хвиля", ru: "Волна" }, values: waves.map((w) => ({ code: w.slug, label: { en: w.name } })), shownWhen: null, numeric: false });

/** Long: code [email] wave, the response columns, then the union of every wave's variables. */
export function longLayout(waves: StudyWave[], identifiers: boolean): Layout {
  const union = new Map<string, ExportColumn>();
  for (const w of waves) for (const c of exportColumns(w.def)) if (!union.has(c.name)) union.set(c.name, c);
  const cols = [...union.values()];
  const codebook = [...personColumns(identifiers), waveEntry(waves), ...META.map((m) => metaEntry(m.name, "", m)), ...cols.map((c) => columnEntry(c.name, "", c))];
  const slugOf = new Map(waves.map((w) => [w.id, w.slug]));
  const order = new Map(waves.map((w, i) => [w.id, i]));
  const reads = cols.map((c) => c.read);
  return {
    header: codebook.map((c) => c.name),
    codebook,
    rows: (p, email) =>
      [...p.responses]
        .sort((a, b) => (order.get(a.waveId) ?? 0) - (order.get(b.waveId) ?? 0))
        .map((r) => {
          const row: Cell[] = [p.code];
          if (identifiers) row.push(email);
          row.push(slugOf.get(r.waveId) ?? null);
          for (const m of META) row.push(m.read(r));
          for (const read of reads) row.push(read(r.answers));
          return row;
        }),
  };
}
