import { z } from "zod";
import type { Db } from "../../db/client";
import { participantStatusPage } from "../../db/queries/participants";
import { findWave } from "../../db/queries/waves";
import { studyForUser } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { InvalidInput } from "../errors/app-error";
import { parseInput } from "../errors/zod-issues";

const CODE = /^[A-Za-z0-9_-]{1,32}$/;
/** The wave statuses a list can be filtered by, as the invitation records them. */
export const WAVE_FILTER_STATUSES = ["pending", "sent", "opened", "started", "completed", "bounced", "opted_out"] as const;
const empty = (v: unknown) => (v === "" ? undefined : v);

export const participantQuerySchema = z
  .object({
    /** The last code of the previous page. */
    after: z.string().regex(CODE, "A participant code").optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(500),
    /** Codes starting with this (case-sensitive). */
    code: z.preprocess(empty, z.string().trim().regex(/^[A-Za-z0-9_-]{1,32}$/, "Letters, digits, - and _ only").optional()),
    /** With `status`: the person's invitation to this wave (by slug) has that status. */
    wave: z.preprocess(empty, z.string().regex(/^[a-z0-9-]{1,64}$/, "A wave's short name").optional()),
    status: z.preprocess(empty, z.enum(WAVE_FILTER_STATUSES).optional()),
    /** The latest consent of this kind is in `consentState` (granted when left out); `consentState` alone is ignored. */
    consent: z.preprocess(empty, z.string().regex(/^[a-z0-9_]{1,64}$/, "A consent kind").optional()),
    consentState: z.preprocess(empty, z.enum(["granted", "withdrawn", "none"]).optional()),
  })
  .superRefine((q, ctx) => {
    if (q.status && !q.wave) ctx.addIssue({ code: "custom", path: ["wave"], message: "Choose the wave whose status to filter by" });
    if (q.wave && !q.status) ctx.addIssue({ code: "custom", path: ["status"], message: "Choose the status in that wave" });
  });
export type ParticipantQuery = z.input<typeof participantQuerySchema>;

/**
 * The panel, pseudonymously: code, language, withdrawn or not, whether contact details exist
 * (never the details), the latest consent of each kind, and per wave (by slug) the invitation and
 * response status. Paged by code; filtered by code prefix, a wave's invitation status and a
 * consent, each checked along the (study, code) index, so a page never reads the whole panel
 * into memory. Researchers of the study and admins.
 */
export async function listParticipants(db: Db, user: StaffUser, slug: string, query: ParticipantQuery) {
  const q = parseInput(participantQuerySchema, query);
  const study = await studyForUser(db, user, slug);
  let wave: { id: string; status: string } | null = null;
  if (q.wave && q.status) {
    const w = await findWave(db, study.id, { slug: q.wave });
    if (!w) throw new InvalidInput("No such wave", [{ path: "wave", message: `This study has no wave "${q.wave}"` }]);
    wave = { id: w.id, status: q.status };
  }
  const consent = q.consent ? { kind: q.consent, state: q.consentState ?? "granted" } : null;
  const rows = await participantStatusPage(db, study.id, { after: q.after ?? null, limit: q.limit, filter: { codePrefix: q.code ?? null, wave, consent } });
  return {
    participants: rows.map(({ id: _id, withdrawnAt, ...p }) => ({ ...p, withdrawn: withdrawnAt !== null, withdrawnAt })),
    next: rows.length === q.limit ? rows[rows.length - 1].code : null,
  };
}
