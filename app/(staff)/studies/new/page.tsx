// GET /studies/new – the form to create a study (admins and researchers; the creator becomes a member).
import Link from "next/link";
import { DEFAULT_TIME_ZONE } from "../../../../lib/i18n/study-time-zone";
import { timeZoneNames } from "../../../../lib/i18n/time-zones";
import { staffPage } from "../../staff-page";
import { createStudyAction } from "../actions";
import { StudyForm } from "../study-form";

export const dynamic = "force-dynamic";

export default async function NewStudyPage() {
  await staffPage(undefined, "/studies/new");
  return (
    <>
      <p><Link href="/studies">← Studies</Link></p>
      <h1>New study</h1>
      <p className="muted">The questionnaire, the panel and the waves come next; everything here can be changed later in the study&apos;s settings.</p>
      <StudyForm
        mode="new"
        action={createStudyAction}
        initial={{ languages: "en", defaultLanguage: "en", "settings.timeZone": DEFAULT_TIME_ZONE }}
        variables={[]}
        variablesSource={null}
        timeZones={timeZoneNames()}
      />
    </>
  );
}
