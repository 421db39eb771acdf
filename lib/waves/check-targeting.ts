import type { Db } from "../../db/client";
import { listRecordedConsentKinds } from "../../db/queries/consents";
import { countPanelMembers, countTargetPanel, findWave } from "../../db/queries/waves";
import type { TargetRule } from "../../db/schema/waves";
import { InvalidInput } from "../errors/app-error";
import { consentKindOption, consentKindOptions } from "./consent-kinds";

/** The consent kinds a study's waves may target (for the form's list and the check below). */
export async function studyConsentKinds(db: Db, study: { id: string; settings: unknown }) {
  return consentKindOptions(study.settings, await listRecordedConsentKinds(db, study.id));
}

/**
 * Refuses a panel wave's target rule that names an unknown consent kind, or would invite nobody
 * now, with the reason on the field that excludes everyone (`consent` or `completedWaveId`).
 * Returns how many the rule reaches. Read-only; callers check study access.
 */
export async function checkTargeting(db: Db, study: { id: string; settings: unknown }, rule: TargetRule): Promise<number> {
  const kind = rule.consent ?? "";
  if (!(await studyConsentKinds(db, study)).some((o) => o.kind === kind)) {
    throw new InvalidInput("consent: not a consent kind of this study", [{ path: "consent", message: "Choose one of the consent kinds listed" }]);
  }
  const reached = await countTargetPanel(db, study.id, rule);
  if (reached > 0) return reached;
  const members = await countPanelMembers(db, study.id);
  const phrase = consentKindOption(kind).phrase;
  if (members === 0) {
    throw new InvalidInput("The panel is empty", [{ path: "consent", message: "The panel is empty: import the panel first, then schedule a panel wave" }]);
  }
  const consented = rule.completedWaveId ? await countTargetPanel(db, study.id, { consent: kind }) : 0;
  if (!rule.completedWaveId || consented === 0) {
    const message = `No one in the panel has ${phrase} and an email address that works (the targeting excludes all ${members} panel members)`;
    throw new InvalidInput(message, [{ path: "consent", message }]);
  }
  const earlier = await findWave(db, study.id, { id: rule.completedWaveId });
  const message = `The targeting excludes all ${members} panel members: of the ${consented} with ${phrase} and an email address, none completed “${earlier?.name ?? "the earlier wave"}”`;
  throw new InvalidInput(message, [{ path: "completedWaveId", message }]);
}
