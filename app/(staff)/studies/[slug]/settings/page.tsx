// GET /studies/:slug/settings – change a study's settings: languages and texts per language, time
// zone, status variable and mapping, recruitment characteristics with their printed labels.
import Link from "next/link";
import { notFound } from "next/navigation";
import { studyTimeZone } from "../../../../../lib/i18n/study-time-zone";
import { timeZoneNames } from "../../../../../lib/i18n/time-zones";
import { getStudyEditor } from "../../../../../lib/studies/get-study-editor";
import { slugSchema } from "../../../../../lib/studies/study-schema";
import { orNotFound, staffPage } from "../../../staff-page";
import { updateStudyAction } from "../../actions";
import { StudyForm } from "../../study-form";
import { studyFormValues } from "../../study-form-values";

export const dynamic = "force-dynamic";

export default async function StudySettingsPage(props: { params: Promise<{ slug: string }>; searchParams: Promise<{ saved?: string }> }) {
  const slug = slugSchema.safeParse((await props.params).slug);
  if (!slug.success) notFound();
  const { rt, user } = await staffPage(undefined, `/studies/${slug.data}/settings`);
  const { study, state, variables, source, hasWaves } = await orNotFound(getStudyEditor(rt.db, user, slug.data));
  const saved = (await props.searchParams).saved === "1";
  return (
    <>
      <p><Link href={`/studies/${study.slug}`}>← {study.name}</Link></p>
      <h1>Settings</h1>
      {saved && <p role="status" className="card">The settings are saved.</p>}
      <StudyForm
        mode="settings"
        action={updateStudyAction.bind(null, study.slug)}
        initial={studyFormValues(state, studyTimeZone(study.settings), variables)}
        variables={variables}
        variablesSource={source}
        timeZones={timeZoneNames()}
        slugLocked={hasWaves}
      />
    </>
  );
}
