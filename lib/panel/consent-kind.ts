import { FOLLOW_UP_CONSENT, INTERVIEW_CONSENT } from "../../db/queries/consents";

/**
 * The consent kind a consent question records. Studies may name their own in settings
 * (`consentKinds: { question_name: kind }`); the reference study's names are built in.
 */
const BUILT_IN: Record<string, string> = {
  consent_followup: FOLLOW_UP_CONSENT,
  consent_interview: INTERVIEW_CONSENT,
};

export function consentKind(questionName: string, settings?: { consentKinds?: Record<string, string> } | null): string {
  return settings?.consentKinds?.[questionName] ?? BUILT_IN[questionName] ?? questionName;
}
