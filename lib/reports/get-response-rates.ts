// Fieldwork outcomes per wave: AAPOR dispositions, RR1 and RR2, and retention from the wave before.
import type { Db } from "../../db/client";
import { dispositionCounts, retentionCounts } from "../../db/queries/reports";
import { studyForUser } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { loadWaves } from "../studies/load-waves";
import { aaporRates, DISPOSITIONS, emptyDispositions, type Disposition, type DispositionCounts } from "./aapor";

export type WaveRates = {
  slug: string;
  name: string;
  mode: string;
  /** False for open-link waves: without a sample frame there is no response rate. */
  applicable: boolean;
  dispositions: DispositionCounts;
  total: number;
  rr1: number | null;
  rr2: number | null;
  /** Of those who completed the previous wave, the share who completed this one (panel waves only). */
  retention: { from: string; base: number; retained: number; rate: number | null } | null;
};

/** Per wave, in order. Researchers of the study and admins. */
export async function getResponseRates(db: Db, user: StaffUser, slug: string): Promise<{ study: { slug: string; name: string }; waves: WaveRates[] }> {
  const study = await studyForUser(db, user, slug);
  const waves = await loadWaves(db, study.id);
  const counts = await dispositionCounts(db, study.id);
  const out: WaveRates[] = [];
  for (const [i, w] of waves.entries()) {
    const d = emptyDispositions();
    for (const c of counts) if (c.waveId === w.id && (DISPOSITIONS as readonly string[]).includes(c.disposition)) d[c.disposition as Disposition] += c.n;
    const applicable = w.mode !== "open_link";
    const rates = aaporRates(d);
    let retention: WaveRates["retention"] = null;
    // Retention is a panel wave's: an open-link wave (a refreshment sample) recruits anew.
    if (i > 0 && w.mode === "panel") {
      const prev = waves[i - 1];
      const r = await retentionCounts(db, study.id, prev.id, w.id);
      retention = { from: prev.name, ...r, rate: r.base > 0 ? r.retained / r.base : null };
    }
    out.push({
      slug: w.slug, name: w.name, mode: w.mode, applicable, dispositions: d, total: rates.total,
      rr1: applicable ? rates.rr1 : null, rr2: applicable ? rates.rr2 : null, retention,
    });
  }
  return { study: { slug: study.slug, name: study.name }, waves: out };
}
