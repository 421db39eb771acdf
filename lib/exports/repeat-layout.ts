// One long table per repeat (a household roster, a residence history), as KoboToolbox exports
// repeat groups: a row per entry with the participant's pseudonymous code, the wave, the entry's
// number and its stable id, then the entry's answers.
import { repeatEntries } from "../surveys/answers";
import type { Cell } from "../files/cells";
import type { StudyWave } from "../studies/load-waves";
import { exportColumns, type ExportColumn } from "./export-columns";
import { type CodebookEntry, type Layout, columnEntry, personColumns, waveEntry } from "./export-layout";

/** The repeats of the waves, by name, in the order they first appear. */
export function repeatNames(waves: StudyWave[]): string[] {
  const names = new Set<string>();
  for (const w of waves) for (const p of w.def.pages) if (p.repeat) names.add(p.repeat.name);
  return [...names];
}

const ENTRY_COLUMNS: CodebookEntry[] = [
  { name: "entry_index", wave: "", variable: "entry_index", type: "meta", label: { en: "Entry number (1 = first)", nb: "Oppføringsnummer (1 = første)", uk: "Номер запису (1 = перший)", ru: "Номер записи (1 = первая)" }, values: [], shownWhen: null, numeric: true },
  { name: "entry_id", wave: "", variable: "entry_id", type: "id", label: { en: "Entry id (stable across edits and waves)", nb: "Oppførings-id (stabil)", uk: "Ідентифікатор запису (незмінний)", ru: "Идентификатор записи (неизменный)" }, values: [], shownWhen: null, numeric: false },
];

/** The long table of `repeat` over the waves that have it: code [email] wave entry_index entry_id, then its columns. */
export function repeatLayout(waves: StudyWave[], repeat: string, identifiers: boolean): Layout {
  const having = waves.filter((w) => w.def.pages.some((p) => p.repeat?.name === repeat));
  const union = new Map<string, ExportColumn>();
  for (const w of having) for (const c of exportColumns(w.def, repeat)) if (!union.has(c.name)) union.set(c.name, c);
  const cols = [...union.values()];
  const codebook = [...personColumns(identifiers), waveEntry(having), ...ENTRY_COLUMNS, ...cols.map((c) => columnEntry(c.name, "", c))].map((e) => ({ ...e, table: repeat }));
  const slugOf = new Map(having.map((w) => [w.id, w.slug]));
  const order = new Map(having.map((w, i) => [w.id, i]));
  return {
    header: codebook.map((c) => c.name),
    codebook,
    rows: (p, email) => {
      const out: Cell[][] = [];
      const responses = p.responses.filter((r) => slugOf.has(r.waveId)).sort((a, b) => order.get(a.waveId)! - order.get(b.waveId)!);
      for (const r of responses) {
        repeatEntries(r.answers as never, repeat).forEach((e, i) => {
          const row: Cell[] = [p.code];
          if (identifiers) row.push(email);
          row.push(slugOf.get(r.waveId)!, i + 1, e.id);
          for (const c of cols) row.push(c.read(e.answers));
          out.push(row);
        });
      }
      return out;
    },
  };
}
