/**
 * The consent kind a consent question records. Studies may name their own in settings
 * (`consentKinds: { question_name: kind }`); the reference study's names are built in.
 */
const BUILT_IN: Record<string, string> = {
  consent_followup: "follow_up_surveys",
  consent_interview: "interview_contact",
};

export function consentKind(questionName: string, settings?: { consentKinds?: Record<string, string> } | null): string {
  return settings?.consentKinds?.[questionName] ?? BUILT_IN[questionName] ?? questionName;
}
