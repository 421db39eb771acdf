// The panel view: trajectories per wave and the flows between consecutive waves.
import type { Db } from "../../db/client";
import { trajectoryCounts, trajectoryFlows } from "../../db/queries/reports";
import type { Trajectory } from "../../db/schema";
import { studyForUser } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { loadWaves } from "../studies/load-waves";
import { TRAJECTORIES } from "../recruitment/rule-schema";

export type TrajectoryCounts = Record<Trajectory, number> & { total: number };
const empty = (): TrajectoryCounts => ({ stayed: 0, returned: 0, moved_on: 0, unknown: 0, total: 0 });
const asTrajectory = (t: string): Trajectory => ((TRAJECTORIES as readonly string[]).includes(t) ? (t as Trajectory) : "unknown");

export type Flow = {
  from: { slug: string; name: string };
  to: { slug: string; name: string };
  /** Rows: trajectory in `from`; columns: trajectory in `to`, or `none` (no completed response). */
  rows: { from: Trajectory; to: Record<Trajectory | "none", number>; total: number }[];
};

/**
 * Completed responses per wave by trajectory, and for each panel wave how the completers of
 * the wave before it moved (stayed in wave 1 → returned in wave 2), including those who
 * did not complete the second. Counted in SQL. Researchers of the study and admins.
 */
export async function getPanelFlows(db: Db, user: StaffUser, slug: string) {
  const study = await studyForUser(db, user, slug);
  const waves = await loadWaves(db, study.id);
  const counts = await trajectoryCounts(db, study.id);
  const perWave = waves.map((w) => {
    const c = empty();
    for (const x of counts) if (x.waveId === w.id) {
      c[asTrajectory(x.trajectory)] += x.n;
      c.total += x.n;
    }
    return { slug: w.slug, name: w.name, counts: c };
  });
  const flows: Flow[] = [];
  for (let i = 1; i < waves.length; i++) {
    // Flows lead into panel waves; an open-link wave (a refreshment sample) recruits new people.
    if (waves[i].mode !== "panel") continue;
    const [a, b] = [waves[i - 1], waves[i]];
    const raw = await trajectoryFlows(db, study.id, a.id, b.id);
    const rows = TRAJECTORIES.map((from) => {
      const to = { stayed: 0, returned: 0, moved_on: 0, unknown: 0, none: 0 };
      for (const r of raw) if (asTrajectory(r.from) === from) to[r.to === null ? "none" : asTrajectory(r.to)] += r.n;
      return { from, to, total: Object.values(to).reduce((s, n) => s + n, 0) };
    }).filter((r) => r.total > 0);
    flows.push({ from: { slug: a.slug, name: a.name }, to: { slug: b.slug, name: b.name }, rows });
  }
  return { study: { slug: study.slug, name: study.name, statusVariable: study.statusVariable }, waves: perWave, flows };
}
