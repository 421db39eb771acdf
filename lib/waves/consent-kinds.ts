// The consent kinds a panel wave may target, with the labels researchers read: the built-in
// kinds, those the study names in its settings, and those recorded for its panel. Chosen from a
// list on the form and checked against the same list in the domain, never typed.
import { FOLLOW_UP_CONSENT, INTERVIEW_CONSENT } from "../../db/queries/consents";

export type ConsentKindOption = { kind: string; label: string; /** "follow-up survey consent", for sentences */ phrase: string };

const BUILT_IN: Record<string, { label: string; phrase: string }> = {
  [FOLLOW_UP_CONSENT]: { label: "Follow-up surveys", phrase: "follow-up survey consent" },
  [INTERVIEW_CONSENT]: { label: "Being contacted for an interview", phrase: "interview consent" },
};

/** A kind's label and phrase: built in, else made from its name ("newsletter_ok" → "Newsletter ok"). Pure. */
export function consentKindOption(kind: string): ConsentKindOption {
  const known = BUILT_IN[kind];
  if (known) return { kind, ...known };
  const words = kind.replace(/_/g, " ");
  return { kind, label: words[0].toUpperCase() + words.slice(1), phrase: `“${words}” consent` };
}

/**
 * The kinds a study's waves may target: built-in first, then the study's own (settings
 * `consentKinds` values and kinds recorded for its panel), each once. Pure.
 */
export function consentKindOptions(settings: unknown, recorded: string[]): ConsentKindOption[] {
  const named = settings && typeof settings === "object" ? (settings as { consentKinds?: Record<string, unknown> }).consentKinds : undefined;
  const own = [...Object.values(named ?? {}).filter((k): k is string => typeof k === "string"), ...recorded].sort();
  return [...new Set([...Object.keys(BUILT_IN), ...own])].map(consentKindOption);
}
