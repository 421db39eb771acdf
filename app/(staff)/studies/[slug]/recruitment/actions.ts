"use server";
// Server actions of the recruitment screen: save a rule, record a step, send an interview request.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { currentUser } from "../../../../../lib/auth/current-user";
import { AppError } from "../../../../../lib/errors/app-error";
import { saveRecruitmentRule } from "../../../../../lib/recruitment/save-recruitment-rule";
import { sendInterviewRequest } from "../../../../../lib/recruitment/send-interview-request";
import { updateBoardEntry } from "../../../../../lib/recruitment/update-board-entry";
import type { RuleInput } from "../../../../../lib/recruitment/rule-schema";
import type { BoardUpdate } from "../../../../../lib/recruitment/update-board-entry";
import { getRuntime } from "../../../../../lib/runtime";

export type ActionResult = { ok: true; message: string } | { ok: false; status: number; message: string; issues: { path: string; message: string }[] };

async function run(slug: string, fn: (rt: Awaited<ReturnType<typeof getRuntime>>, user: NonNullable<Awaited<ReturnType<typeof currentUser>>>) => Promise<string>): Promise<ActionResult> {
  const rt = await getRuntime();
  const user = await currentUser(rt, await headers());
  if (!user) return { ok: false, status: 401, message: "Sign in again", issues: [] };
  try {
    const message = await fn(rt, user);
    revalidatePath(`/studies/${slug}/recruitment`);
    return { ok: true, message };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, status: e.status, message: e.message, issues: e.issues };
    console.error(e);
    return { ok: false, status: 500, message: "Something went wrong; try again", issues: [] };
  }
}

export async function saveRuleAction(slug: string, input: RuleInput): Promise<ActionResult> {
  return run(slug, async (rt, user) => {
    const r = await saveRecruitmentRule(rt.db, user, slug, input, new Date());
    return `Saved. ${r.flagged} flagged, ${r.unflagged} taken back${r.removedWithdrawn ? `, ${r.removedWithdrawn} withdrawn removed` : ""}.`;
  });
}

export async function updateEntryAction(slug: string, input: BoardUpdate): Promise<ActionResult> {
  return run(slug, async (rt, user) => `Saved: ${(await updateBoardEntry(rt.db, user, slug, input, new Date())).status}.`);
}

export async function sendRequestAction(slug: string, id: string): Promise<ActionResult> {
  return run(slug, async (rt, user) => {
    const r = await sendInterviewRequest(rt.db, user, slug, { id }, new Date());
    return r.queued ? "Interview request queued." : "Already queued earlier.";
  });
}
