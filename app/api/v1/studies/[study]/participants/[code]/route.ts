// GET /api/v1/studies/:study/participants/:code – one participant (email for admins only)
import { getParticipantEndpoint } from "../../../../../../../lib/api/endpoints/panel";
import { apiRoute, ok } from "../../../../../../../lib/api/handler";
import { getParticipant } from "../../../../../../../lib/panel/participant-page";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getParticipantEndpoint, async ({ rt, user, params, now }) => {
  const p = await getParticipant(rt.db, rt.config.personalDataKey, user, params.study, params.code, now);
  return ok({
    code: p.code, createdAt: p.createdAt, withdrawnAt: p.withdrawnAt, language: p.language, hasContact: p.hasContact, bouncedAt: p.bouncedAt, email: p.email,
    waves: p.waves.map((w) => ({
      wave: w.waveSlug, name: w.waveName, waveStatus: w.waveStatus, open: w.open, invitation: w.status,
      invitedAt: w.createdAt, sentAt: w.sentAt, openedAt: w.openedAt, startedAt: w.startedAt, completedAt: w.completedAt,
    })),
    consents: p.consents.map(({ waveSlug, ...c }) => ({ ...c, wave: waveSlug })),
  });
});
