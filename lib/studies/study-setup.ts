// The setup checklist of a new study: questionnaire → panel → first wave → invitations, each
// ticked from what the database holds, with the screen that does it.
import type { Db } from "../../db/client";
import { studySetupCounts } from "../../db/queries/studies";

export type SetupStep = { key: "questionnaire" | "panel" | "wave" | "invitations"; label: string; done: boolean; href: string; action: string };

export async function studySetup(db: Db, study: { id: string; slug: string }): Promise<SetupStep[]> {
  const c = await studySetupCounts(db, study.id);
  const base = `/studies/${study.slug}`;
  return [
    { key: "questionnaire", label: "Upload the questionnaire", done: c.versions > 0, href: `${base}/instruments/new`, action: "Upload an XLSForm" },
    { key: "panel", label: "Import the panel", done: c.participants > 0, href: `${base}/panel/import`, action: "Import panel members" },
    { key: "wave", label: "Schedule the first wave", done: c.waves > 0, href: `${base}/waves/new`, action: "Schedule a wave" },
    // An open-link wave has no invitations; its first response counts instead.
    { key: "invitations", label: "Send the invitations", done: c.invitations > 0 || c.responses > 0, href: `${base}/waves`, action: "See the waves and their invitations" },
  ];
}
