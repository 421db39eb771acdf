// Email answers between the page where they are given and completion: kept encrypted on the
// response row (responses.pending_contact_encrypted), never in responses.answers.
import { decryptPersonal, encryptPersonal } from "../crypto/personal-data";
import type { Answers } from "../surveys/answers";
import type { SurveyDefinition } from "../surveys/definition";
import { contactVariables } from "./strip-contact-answers";

/** The email answers among `answers` (visible and non-empty only, as the engine left them). Pure. */
export function contactAnswers(def: SurveyDefinition, answers: Answers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of contactVariables(def)) {
    const v = answers[n];
    if (typeof v === "string" && v.trim() !== "") out[n] = v;
  }
  return out;
}

/** Encrypts the email answers waiting for completion; null when there are none. */
export function sealPendingContact(key: Buffer, pending: Record<string, string>): string | null {
  return Object.keys(pending).length ? encryptPersonal(key, JSON.stringify(pending)) : null;
}

/** The email answers kept for a response (none when absent or unreadable). */
export function openPendingContact(key: Buffer, boxed: string | null | undefined): Record<string, string> {
  if (!boxed) return {};
  try {
    const v = JSON.parse(decryptPersonal(key, boxed)) as unknown;
    if (!v || typeof v !== "object" || Array.isArray(v)) return {};
    return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === "string"));
  } catch {
    return {};
  }
}
