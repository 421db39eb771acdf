// The template preview screen and "send myself a test".
import type { Db } from "../../db/client";
import { insertOutbox } from "../../db/queries/outbox";
import { isTemplateName, renderPreview, TEMPLATES, type TemplateName } from "../../emails";
import type { StaffUser } from "../auth/current-user";
import { studyForUser } from "../auth/permissions";
import { InvalidInput } from "../errors/app-error";
import { nudge } from "../nudge/nudge";

function check(template: string, language: string): TemplateName {
  if (!isTemplateName(template)) throw new InvalidInput(`Unknown template "${template}"`, [{ path: "template", message: "Unknown template" }]);
  if (!TEMPLATES[template].languages.includes(language)) {
    throw new InvalidInput(`"${template}" has no ${language} version`, [{ path: "language", message: "No such language for this template" }]);
  }
  return template;
}

/** A template rendered with its preview data and the study's name and contact person. Pure read. */
export async function previewEmail(db: Db, user: StaffUser, studySlug: string, template: string, language: string) {
  const study = await studyForUser(db, user, studySlug);
  const name = check(template, language);
  const rendered = renderPreview(name, language, { studyName: study.name, contactName: study.contactName, contactEmail: study.contactEmail });
  return { study, template: name, language, rendered };
}

/**
 * Queues the preview of a template to the signed-in user's own address. requestId (from the form)
 * makes a double-submitted form send one message.
 */
export async function sendTestEmail(
  db: Db,
  user: StaffUser,
  input: { studySlug: string; template: string; language: string; requestId: string },
  now: Date,
): Promise<boolean> {
  const study = await studyForUser(db, user, input.studySlug);
  const name = check(input.template, input.language);
  const n = await insertOutbox(db, [
    {
      studyId: study.id,
      userId: user.id,
      kind: "test",
      template: name,
      language: input.language,
      data: { test: true },
      idempotencyKey: `test:${user.id}:${input.requestId}`,
      nextAttemptAt: now,
    },
  ]);
  if (n > 0) nudge("outbox");
  return n > 0;
}
