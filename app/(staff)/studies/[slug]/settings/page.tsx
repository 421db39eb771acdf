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
import { retentionOf } from "../../../../../lib/privacy/retention";
import { RetentionForm } from "./retention-form";

export const dynamic = "force-dynamic";

export default async function StudySettingsPage(props: { params: Promise<{ slug: string }>; searchParams: Promise<{ saved?: string }> }) {
  const slug = slugSchema.safeParse((await props.params).slug);
  if (!slug.success) notFound();
  const { rt, user } = await staffPage(undefined, `/studies/${slug.data}/settings`);
  const { study, state, variables, source, hasWaves } = await orNotFound(getStudyEditor(rt.db, user, slug.data));
  const saved = (await props.searchParams).saved === "1";
  const r = retentionOf(study.settings);
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
      <section aria-labelledby="retention" className="card">
        <h2 id="retention">Retention</h2>
        <p>When personal data goes away: a daily job erases it once the time after the end date has passed, and records it in the audit log. The study page shows the dates.</p>
        <RetentionForm slug={study.slug} initial={{ endDate: r?.endDate ?? "", contactMonths: r ? String(r.contactMonths) : "", answersMonths: r?.answersMonths != null ? String(r.answersMonths) : "" }} />
      </section>
    </>
  );
}
