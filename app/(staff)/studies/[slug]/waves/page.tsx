// GET /studies/:slug/waves – a study's waves, each linking to its page (times in the study's
// zone, named); create a wave; email templates.
import Link from "next/link";
import { notFound } from "next/navigation";
import { NotFound } from "../../../../../lib/errors/app-error";
import { studyTimeZone } from "../../../../../lib/i18n/study-time-zone";
import { getWavesPage } from "../../../../../lib/waves/get-waves-page";
import { staffPage } from "../../../staff-page";
import { slugSchema } from "../../../../../lib/studies/study-schema";
import { StudyTime } from "./study-time";
import "./waves.css";

export const dynamic = "force-dynamic";

export default async function WavesPage(props: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const slug = slugSchema.safeParse((await props.params).slug);
  if (!slug.success) notFound();
  const deleted = slugSchema.safeParse((await props.searchParams).deleted);
  const { rt, user } = await staffPage(undefined, `/studies/${slug.data}/waves`);
  const { study, waves } = await getWavesPage(rt.db, user, slug.data).catch((e) => {
    if (e instanceof NotFound) notFound();
    throw e;
  });
  const tz = studyTimeZone(study.settings);
  return (
    <div className="wave-page">
      <p><Link href={`/studies/${study.slug}`}>← {study.name}</Link></p>
      <h1>Waves</h1>
      {deleted.success && <p className="notice" role="status">The wave “{deleted.data}” is deleted.</p>}
      <p>
        <Link className="button" href={`/studies/${study.slug}/waves/new`}>New wave</Link>{" "}
        <Link href={`/studies/${study.slug}/waves/emails`}>Email templates and test sends</Link>
      </p>
      <table className="stack-table">
        <thead>
          <tr><th>Wave</th><th>Mode</th><th>Status</th><th>Opens</th><th>Closes</th></tr>
        </thead>
        <tbody>
          {waves.map((w) => (
            <tr key={w.id}>
              <td data-label="Wave"><Link href={`/studies/${study.slug}/waves/${w.slug}`}>{w.name}</Link></td>
              <td data-label="Mode">{w.mode === "panel" ? "personal invitations" : "open link"}</td>
              <td data-label="Status"><span className={`badge ${w.status}`}>{w.status}</span></td>
              <td data-label="Opens"><StudyTime at={w.opensAt} timeZone={tz} /></td>
              <td data-label="Closes"><StudyTime at={w.closesAt} timeZone={tz} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {waves.length === 0 && <p>No waves yet.</p>}
      <p className="muted">Times are in the study&apos;s time zone, {tz}.</p>
    </div>
  );
}
