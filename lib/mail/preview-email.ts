// The template preview screen and "send myself a test".
import type { Db } from "../../db/client";
import { findUserOutboxMessage, insertOutbox } from "../../db/queries/outbox";
import { isTemplateName, renderPreview, TEMPLATES, type TemplateName } from "../../emails";
import type { StaffUser } from "../auth/current-user";
import { studyForUser } from "../auth/permissions";
import { InvalidInput, NotFound } from "../errors/app-error";
import { renderTestEmail, studyFacts } from "./build-message";
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
  const rendered = renderPreview(name, language, studyFacts(study, language));
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
      idempotencyKey: testKey(user, input.requestId),
      nextAttemptAt: now,
    },
  ]);
  if (n > 0) nudge("outbox");
  return n > 0;
}

const testKey = (user: StaffUser, requestId: string) => `test:${user.id}:${requestId}`;

/**
 * The test message the signed-in user asked for (by the form's requestId), exactly as it is sent:
 * subject, HTML and text in the chosen language, and how far its delivery has got. Only the user
 * who asked finds it (the key holds their id): anyone else, admins too, gets NotFound. Read-only.
 */
export async function getTestEmail(db: Db, user: StaffUser, studySlug: string, requestId: string) {
  const study = await studyForUser(db, user, studySlug);
  const m = await findUserOutboxMessage(db, user.id, testKey(user, requestId));
  if (!m || m.studyId !== study.id || m.data.test !== true || !isTemplateName(m.template)) throw new NotFound("Test message not found");
  const rendered = renderTestEmail(m.template, m.language, studyFacts(study, m.language));
  return { study, to: user.email, template: m.template, language: m.language, status: m.status, createdAt: m.createdAt, sentAt: m.sentAt, rendered };
}
