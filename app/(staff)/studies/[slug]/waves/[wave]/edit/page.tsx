// GET /studies/:slug/waves/:wave/edit – change a wave before it opens (times in the study's zone).
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { NotFound } from "../../../../../../../lib/errors/app-error";
import { getWaveForm } from "../../../../../../../lib/waves/get-wave-form";
import { staffPage } from "../../../../../staff-page";
import { WaveForm } from "../../wave-form";
import { waveFormValues } from "../../wave-form-values";
import { slugSchema } from "../../../../../../../lib/studies/study-schema";

export const dynamic = "force-dynamic";

export default async function EditWavePage({ params }: { params: Promise<{ slug: string; wave: string }> }) {
  const p = z.object({ slug: slugSchema, wave: slugSchema }).safeParse(await params);
  if (!p.success) notFound();
  const { rt, user } = await staffPage(undefined, `/studies/${p.data.slug}/waves/${p.data.wave}/edit`);
  const f = await getWaveForm(rt.db, user, p.data.slug, p.data.wave).catch((e) => {
    if (e instanceof NotFound) notFound();
    throw e;
  });
  const wave = f.wave!;
  const back = `/studies/${f.study.slug}/waves/${wave.slug}`;
  return (
    <>
      <p><Link href={back}>← {wave.name}</Link></p>
      <h1>Change {wave.name}</h1>
      {wave.status !== "scheduled" ? (
        <p>
          The wave is {wave.status}: {wave.status === "open" ? "while it runs, its closing time can move later and reminders can be added on " : "it can be reopened on "}
          <Link href={back}>its page</Link>.
        </p>
      ) : (
        <WaveForm
          kind="edit"
          studySlug={f.study.slug}
          waveSlug={wave.slug}
          timeZone={f.timeZone}
          versions={f.versions.map((v) => ({ id: v.id, label: `${v.name} v${v.version}` }))}
          waves={f.waves.map((w) => ({ id: w.id, name: w.name }))}
          consentKinds={f.consentKinds}
          initial={waveFormValues(wave, f.timeZone)}
        />
      )}
    </>
  );
}
