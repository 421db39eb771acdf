// The frequency tables a de-identified export carries: every single and multiple choice question
// of the chosen waves (identifier questions left out), over completed responses, with small
// cells suppressed at the study's threshold (settings.smallCellThreshold, default 5).
import type { Db } from "../../db/client";
import { frequencyCounts } from "../../db/queries/reports";
import type { Cell } from "../files/cells";
import { buildFrequencyTable } from "../reports/build-frequency-table";
import { frequencyRows } from "../reports/export-frequency-table";
import { optionBranches } from "../reports/option-branches";
import { DEFAULT_SMALL_CELL_THRESHOLD, suppressSmallCells } from "../reports/suppress-small-cells";
import type { ChoiceQuestion } from "../surveys/definition";
import { getPlan } from "../surveys/plan";
import type { PreparedExport } from "./export-query";

/** The study's small-cell threshold. */
export function smallCellThreshold(settings: unknown): number {
  const t = (settings as { smallCellThreshold?: unknown } | null)?.smallCellThreshold;
  return typeof t === "number" && Number.isInteger(t) && t >= 2 ? t : DEFAULT_SMALL_CELL_THRESHOLD;
}

/** One table after another (a blank row between), each headed by its wave and variable. */
export async function* deidentifiedFrequencyRows(db: Db, e: Pick<PreparedExport, "study" | "waves" | "q">, now: Date): AsyncGenerator<Cell[]> {
  const threshold = smallCellThreshold(e.study.settings);
  for (const w of e.waves) {
    for (const qp of getPlan(w.def).questions) {
      const q = qp.q;
      if ((q.type !== "single" && q.type !== "multiple") || q.identifier) continue;
      const counts = await frequencyCounts(db, { studyId: e.study.id, waveId: w.id, variable: q.name, multiple: q.type === "multiple", trajectories: null });
      const table = buildFrequencyTable(q as ChoiceQuestion, optionBranches(w.def, q as ChoiceQuestion, e.study, now), counts, null, e.q.lang, w.def.defaultLanguage);
      yield [`${w.slug}: ${q.name}`];
      for (const row of frequencyRows(suppressSmallCells(table, threshold))) yield row;
      yield [];
    }
  }
}
