// AAPOR Standard Definitions: response rates RR1 and RR2 from final dispositions. Pure.
export const DISPOSITIONS = ["I", "P", "R", "NC", "O", "U"] as const;
export type Disposition = (typeof DISPOSITIONS)[number];
export type DispositionCounts = Record<Disposition, number>;

export const DISPOSITION_LABELS: Record<Disposition, string> = {
  I: "Complete (I)",
  P: "Partial (P)",
  R: "Refusal / opt-out (R)",
  NC: "Non-contact / bounce (NC)",
  O: "Other (O)",
  U: "Unknown eligibility (UH/UO)",
};

export const emptyDispositions = (): DispositionCounts => ({ I: 0, P: 0, R: 0, NC: 0, O: 0, U: 0 });

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/**
 * RR1 = I / ((I + P) + (R + NC + O) + (UH + UO)): completes over every case invited.
 * RR2 = (I + P) / (same), counting partials as respondents. Every invited person is treated as
 * eligible or of unknown eligibility (the panel has no screened-out cases), so the denominator
 * is all invitations. Null when nobody was invited.
 */
export function aaporRates(d: DispositionCounts): { total: number; rr1: number | null; rr2: number | null } {
  const total = d.I + d.P + d.R + d.NC + d.O + d.U;
  return { total, rr1: ratio(d.I, total), rr2: ratio(d.I + d.P, total) };
}
