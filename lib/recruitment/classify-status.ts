import type { StatusMapping } from "../../db/schema";
import type { Trajectory } from "../../db/schema";

export type StatusStudy = {
  statusVariable: string | null;
  statusMapping: StatusMapping | null;
  /** Trajectory for a wave whose instrument does not ask (e.g. wave 1: everyone was in the host country). */
  statusWhenAbsent?: Trajectory | null;
};

/**
 * The trajectory a completed response says: stayed, returned, moved on, or unknown when the
 * answer is missing or not mapped. Pure.
 */
export function classifyStatus(
  answers: Readonly<Record<string, unknown>>,
  study: StatusStudy,
  instrumentHasVariable: boolean,
): Trajectory {
  if (!study.statusVariable) return "unknown";
  if (!instrumentHasVariable) return study.statusWhenAbsent ?? "unknown";
  const v = answers[study.statusVariable];
  if (typeof v !== "string") return "unknown";
  return study.statusMapping?.[v] ?? "unknown";
}
