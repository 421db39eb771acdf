"use server";
// Server actions of the study forms (new study, settings): each reads the form, checks the user on
// the server and calls one lib/ function; on success the browser goes on (a redirect, which works
// as a plain POST too), on failure the form gets its values back with each problem at its field.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requireUser } from "../../../lib/auth/current-user";
import { Conflict, InvalidInput } from "../../../lib/errors/app-error";
import { createStudy } from "../../../lib/studies/create-study";
import { slugSchema } from "../../../lib/studies/study-schema";
import { updateStudy } from "../../../lib/studies/update-study";
import { getRuntime } from "../../../lib/runtime";
import { toActionResult, type ActionResult } from "../../action-result";
import { formFieldOf, formValues, studyFormInput, type FormValues, type StudyFormInput } from "./study-form-values";

export type StudyFormState = (ActionResult<string> & { values: FormValues }) | { ok: null };

/** Runs a study command and names its issues by the form's fields (a taken slug at the slug). */
async function onFormFields<T>(f: StudyFormInput, run: () => Promise<T>): Promise<T> {
  if (f.issues.length) throw new InvalidInput("Check the highlighted fields", f.issues);
  try {
    return await run();
  } catch (e) {
    if (e instanceof Conflict) throw new InvalidInput(e.message, [{ path: "slug", message: `${e.message}: choose another short name` }]);
    if (!(e instanceof InvalidInput)) throw e;
    throw new InvalidInput(e.message, e.issues.map((i) => ({ ...i, path: formFieldOf(i.path, f) })));
  }
}

async function staff() {
  const rt = await getRuntime();
  return { rt, user: await requireUser(rt, await headers()) };
}

export async function createStudyAction(_prev: StudyFormState, form: FormData): Promise<StudyFormState> {
  const values = formValues(form);
  const res = await toActionResult(async () => {
    const { rt, user } = await staff();
    const f = studyFormInput(values, "new");
    const texts = Object.fromEntries(Object.entries(f.input.texts).filter(([, t]) => t !== null)) as Record<string, Record<string, string>>;
    return (await onFormFields(f, () => createStudy(rt.db, user, { ...f.input, texts }, new Date()))).slug;
  });
  if (res.ok) redirect(`/studies/${res.value}`);
  return { ...res, values };
}

export async function updateStudyAction(studySlug: string, _prev: StudyFormState, form: FormData): Promise<StudyFormState> {
  const values = formValues(form);
  const res = await toActionResult(async () => {
    const { rt, user } = await staff();
    const f = studyFormInput(values, "settings");
    return (await onFormFields(f, () => updateStudy(rt.db, user, slugSchema.parse(studySlug), f.input, new Date()))).slug;
  });
  if (res.ok) redirect(`/studies/${res.value}/settings?saved=1`);
  return { ...res, values };
}
