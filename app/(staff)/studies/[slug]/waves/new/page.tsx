// GET /studies/:slug/waves/new – the form to schedule a wave (times in the study's time zone).
import Link from "next/link";
import { notFound } from "next/navigation";
import { NotFound } from "../../../../../../lib/errors/app-error";
import { getWaveForm } from "../../../../../../lib/waves/get-wave-form";
import { staffPage } from "../../../../staff-page";
import { WaveForm } from "../wave-form";
import { waveFormDefaults } from "../wave-form-values";
import { slugSchema } from "../../../../../../lib/studies/study-schema";

export const dynamic = "force-dynamic";

export default async function NewWavePage({ params }: { params: Promise<{ slug: string }> }) {
  const slug = slugSchema.safeParse((await params).slug);
  if (!slug.success) notFound();
  const { rt, user } = await staffPage(undefined, `/studies/${slug.data}/waves/new`);
  const f = await getWaveForm(rt.db, user, slug.data).catch((e) => {
    if (e instanceof NotFound) notFound();
    throw e;
  });
  return (
    <>
      <p><Link href={`/studies/${f.study.slug}/waves`}>← Waves of {f.study.name}</Link></p>
      <h1>New wave</h1>
      {f.versions.length === 0 ? (
        <p>
          This study has no questionnaire yet: a wave needs one.{" "}
          <Link href={`/studies/${f.study.slug}/instruments/new`}>Upload an XLSForm first</Link>.
        </p>
      ) : (
        <WaveForm
          kind="new"
          studySlug={f.study.slug}
          timeZone={f.timeZone}
          versions={f.versions.map((v) => ({ id: v.id, label: `${v.name} v${v.version}` }))}
          waves={f.waves.map((w) => ({ id: w.id, name: w.name }))}
          consentKinds={f.consentKinds}
          initial={{ ...waveFormDefaults, instrumentVersionId: f.versions[0].id }}
        />
      )}
    </>
  );
}
