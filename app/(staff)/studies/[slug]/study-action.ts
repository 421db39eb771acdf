// What the study screens' server actions share: run one lib call for the signed-in user (an
// ActionResult either way) and refresh the screen; read a text field of a posted form.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { currentUser, type StaffUser } from "../../../../lib/auth/current-user";
import { Unauthorized } from "../../../../lib/errors/app-error";
import { getRuntime, type Runtime } from "../../../../lib/runtime";
import { toActionResult, type ActionResult } from "../../../action-result";

/** Runs fn for the signed-in user, then revalidates `path`; on success the value is fn's. */
export async function runStudyAction<T>(path: string, fn: (rt: Runtime, user: StaffUser) => Promise<T>): Promise<ActionResult<T>> {
  return toActionResult(async () => {
    const rt = await getRuntime();
    const user = await currentUser(rt, await headers());
    if (!user) throw new Unauthorized("Sign in again");
    const value = await fn(rt, user);
    revalidatePath(path);
    return value;
  });
}

/** A posted text field, "" when absent or a file. */
export const formField = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};
