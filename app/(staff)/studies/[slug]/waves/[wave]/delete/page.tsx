// GET /studies/:slug/waves/:wave/delete – the confirmation step before a wave that has not opened is deleted.
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { NotFound } from "../../../../../../../lib/errors/app-error";
import { studyTimeZone } from "../../../../../../../lib/i18n/study-time-zone";
import { loadWaveForUser } from "../../../../../../../lib/waves/manage-wave";
import { staffPage } from "../../../../../staff-page";
import { StudyTime } from "../../study-time";
import { DeleteForm } from "../wave-forms";
import { slugSchema } from "../../../../../../../lib/studies/study-schema";

export const dynamic = "force-dynamic";

export default async function DeleteWavePage({ params }: { params: Promise<{ slug: string; wave: string }> }) {
  const p = z.object({ slug: slugSchema, wave: slugSchema }).safeParse(await params);
  if (!p.success) notFound();
  const { rt, user } = await staffPage(undefined, `/studies/${p.data.slug}/waves/${p.data.wave}/delete`);
  const { study, wave } = await loadWaveForUser(rt.db, user, p.data.slug, p.data.wave).catch((e) => {
    if (e instanceof NotFound) notFound();
    throw e;
  });
  const back = `/studies/${study.slug}/waves/${wave.slug}`;
  return (
    <>
      <p><Link href={back}>← {wave.name}</Link></p>
      <h1>Delete {wave.name}?</h1>
      {wave.status !== "scheduled" ? (
        <p>The wave is {wave.status}, so it cannot be deleted: {wave.status === "open" ? "close it instead" : "its answers are kept"}.</p>
      ) : (
        <>
          <p>
            It would open <StudyTime at={wave.opensAt} timeZone={studyTimeZone(study.settings)} />. Deleting it removes it and its
            schedule; nobody has been invited yet, and nothing will be sent. The audit log keeps a record.
          </p>
          <DeleteForm studySlug={study.slug} waveSlug={wave.slug} name={wave.name} />
          <p><Link href={back}>Keep the wave</Link></p>
        </>
      )}
    </>
  );
}
