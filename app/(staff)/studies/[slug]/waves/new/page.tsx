// GET /studies/:slug/waves/new – the form to schedule a wave.
import Link from "next/link";
import { notFound } from "next/navigation";
import { NotFound } from "../../../../../../lib/errors/app-error";
import { getWavesPage } from "../../../../../../lib/waves/get-waves-page";
import { staffPage } from "../../../../staff-page";
import { WaveForm } from "./wave-form";
import { slugSchema } from "../../../../../../lib/studies/study-schema";

export const dynamic = "force-dynamic";

export default async function NewWavePage({ params }: { params: Promise<{ slug: string }> }) {
  const slug = slugSchema.safeParse((await params).slug);
  if (!slug.success) notFound();
  const { rt, user } = await staffPage(undefined, `/studies/${slug.data}/waves/new`);
  const { study, waves, versions } = await getWavesPage(rt.db, user, slug.data).catch((e) => {
    if (e instanceof NotFound) notFound();
    throw e;
  });
  return (
    <>
      <p><Link href={`/studies/${study.slug}/waves`}>← Waves of {study.name}</Link></p>
      <h1>New wave</h1>
      {versions.length === 0 ? (
        <p>This study has no questionnaire yet. Import one first.</p>
      ) : (
        <WaveForm
          studySlug={study.slug}
          versions={versions.map((v) => ({ id: v.id, label: `${v.name} v${v.version}` }))}
          waves={waves.map((w) => ({ id: w.id, name: w.name }))}
        />
      )}
    </>
  );
}
