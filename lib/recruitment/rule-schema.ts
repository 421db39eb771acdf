// A recruitment rule: which completed responses flag a participant for interview recruitment.
import { z } from "zod";
import { noControlCharacters } from "../text/control-characters";
import { INTERVIEW_CONSENT } from "../../db/queries/consents";
import type { RuleMatch, RuleRow } from "../../db/queries/recruitment";
import type { Trajectory } from "../../db/schema";

export const TRAJECTORIES = ["stayed", "returned", "moved_on", "unknown"] as const satisfies readonly Trajectory[];
export const trajectorySchema = z.enum(TRAJECTORIES);

/** What is stored in recruitment_rules.rule. */
export const storedRuleSchema = z.object({
  trajectories: z.array(trajectorySchema).default([]),
  /** Consent kind whose latest row per participant must be granted; null: none needed. */
  consent: z.string().min(1).nullable().default(INTERVIEW_CONSENT),
});
export type StoredRule = z.infer<typeof storedRuleSchema>;

/** The rule form, as researchers fill it in. */
export const ruleInputSchema = z.object({
  id: z.uuid().optional(),
  name: z.string().trim().min(1, "Give the rule a name").max(120, "Keep the name under 120 characters").superRefine(noControlCharacters("The rule name")),
  waveId: z.uuid("Choose a wave").nullable(),
  trajectories: z.array(trajectorySchema).min(1, "Choose at least one trajectory"),
  consent: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,64}$/, "A consent kind is lower-case letters, digits and _")
    .nullable(),
  active: z.boolean().default(true),
});
export type RuleInput = z.input<typeof ruleInputSchema>;

/** The rule's stored JSON read back (zod at the boundary) as the query's match. */
export function ruleMatch(studyId: string, row: Pick<RuleRow, "id" | "waveId" | "rule">): RuleMatch {
  const r = storedRuleSchema.parse(row.rule);
  return { studyId, ruleId: row.id, waveId: row.waveId, trajectories: r.trajectories, consent: r.consent };
}

const NAMES: Record<Trajectory, string> = { stayed: "stayed", returned: "returned", moved_on: "moved on", unknown: "unknown" };

/** "returned or moved on in Wave 2, consented to interview_contact, not withdrawn". */
export function describeRule(r: StoredRule, waveName: string | null): string {
  const t = r.trajectories.map((x) => NAMES[x]).join(" or ") || "nobody";
  return `${t} ${waveName ? `in ${waveName}` : "in any wave"}${r.consent ? `, latest ${r.consent} consent granted` : ""}, not withdrawn`;
}

export const trajectoryName = (t: string | null | undefined) => NAMES[(t ?? "unknown") as Trajectory] ?? String(t);
