"use server";
// Server actions of the recruitment screen: save a rule, record a step, send an interview request.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { currentUser, type StaffUser } from "../../../../../lib/auth/current-user";
import { Unauthorized } from "../../../../../lib/errors/app-error";
import { saveRecruitmentRule } from "../../../../../lib/recruitment/save-recruitment-rule";
import { sendInterviewRequest } from "../../../../../lib/recruitment/send-interview-request";
import { updateBoardEntry } from "../../../../../lib/recruitment/update-board-entry";
import type { RuleInput } from "../../../../../lib/recruitment/rule-schema";
import type { BoardUpdate } from "../../../../../lib/recruitment/update-board-entry";
import { getRuntime, type Runtime } from "../../../../../lib/runtime";
import { toActionResult, type ActionResult } from "../../../../action-result";

/** Runs one step for the signed-in user; on success the value is the message to show. */
async function run(slug: string, fn: (rt: Runtime, user: StaffUser) => Promise<string>): Promise<ActionResult<string>> {
  return toActionResult(async () => {
    const rt = await getRuntime();
    const user = await currentUser(rt, await headers());
    if (!user) throw new Unauthorized("Sign in again");
    const message = await fn(rt, user);
    revalidatePath(`/studies/${slug}/recruitment`);
    return message;
  });
}

export async function saveRuleAction(slug: string, input: RuleInput): Promise<ActionResult<string>> {
  return run(slug, async (rt, user) => {
    const r = await saveRecruitmentRule(rt.db, user, slug, input, new Date());
    return `Saved. ${r.flagged} flagged, ${r.unflagged} taken back${r.removedWithdrawn ? `, ${r.removedWithdrawn} withdrawn removed` : ""}.`;
  });
}

export async function updateEntryAction(slug: string, input: BoardUpdate): Promise<ActionResult<string>> {
  return run(slug, async (rt, user) => `Saved: ${(await updateBoardEntry(rt.db, user, slug, input, new Date())).status}.`);
}

export async function sendRequestAction(slug: string, id: string): Promise<ActionResult<string>> {
  return run(slug, async (rt, user) => {
    const r = await sendInterviewRequest(rt.db, user, slug, { id }, new Date());
    return r.queued ? "Interview request queued." : "Already queued earlier.";
  });
}
