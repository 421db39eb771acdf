// Small-cell suppression for frequency tables that leave the project (the de-identified export
// profile): a count from 1 to threshold − 1 could single a person out, so it is printed as
// "<threshold" without a percent. In a single choice table a lone suppressed count could be
// recovered from N minus the others, so the next smallest count is suppressed with it. Pure.
import type { FrequencyTable } from "./build-frequency-table";

/** The default per-study threshold (study settings: smallCellThreshold). */
export const DEFAULT_SMALL_CELL_THRESHOLD = 5;

export function suppressSmallCells(t: FrequencyTable, threshold: number): FrequencyTable {
  const small = (c: number) => c > 0 && c < threshold;
  const hide = new Set(t.rows.filter((r) => small(r.count)).map((r) => r.code));
  if (!t.multiple && hide.size === 1) {
    const next = t.rows.filter((r) => r.count > 0 && !hide.has(r.code)).sort((a, b) => a.count - b.count)[0];
    if (next) hide.add(next.code);
  }
  return {
    ...t,
    suppressedBelow: threshold,
    rows: t.rows.map((r) => (hide.has(r.code) ? { ...r, count: 0, percent: null, suppressed: true } : r)),
  };
}
