// GET /studies/:slug/waves – a study's waves, each linking to its page; create a wave; email templates.
import Link from "next/link";
import { notFound } from "next/navigation";
import { NotFound } from "../../../../../lib/errors/app-error";
import { getWavesPage } from "../../../../../lib/waves/get-waves-page";
import { staffPage } from "../../../staff-page";
import { slugSchema } from "../../../../../lib/studies/study-schema";
import { formatDate } from "../../../../../lib/i18n/format-date";

export const dynamic = "force-dynamic";

const fmt = (d: Date | null) => (d ? formatDate(d, "minute", { timeZone: "UTC" }) + " UTC" : "–");

export default async function WavesPage({ params }: { params: Promise<{ slug: string }> }) {
  const slug = slugSchema.safeParse((await params).slug);
  if (!slug.success) notFound();
  const { rt, user } = await staffPage(undefined, `/studies/${slug.data}/waves`);
  const { study, waves } = await getWavesPage(rt.db, user, slug.data).catch((e) => {
    if (e instanceof NotFound) notFound();
    throw e;
  });
  return (
    <>
      <p><Link href={`/studies/${study.slug}`}>← {study.name}</Link></p>
      <h1>Waves</h1>
      <p>
        <Link className="button" href={`/studies/${study.slug}/waves/new`}>New wave</Link>{" "}
        <Link href={`/studies/${study.slug}/waves/emails`}>Email templates and test sends</Link>
      </p>
      <table>
        <thead>
          <tr><th>Wave</th><th>Mode</th><th>Status</th><th>Opens</th><th>Closes</th></tr>
        </thead>
        <tbody>
          {waves.map((w) => (
            <tr key={w.id}>
              <td><Link href={`/studies/${study.slug}/waves/${w.slug}`}>{w.name}</Link></td>
              <td>{w.mode === "panel" ? "personal invitations" : "open link"}</td>
              <td><span className={`badge ${w.status}`}>{w.status}</span></td>
              <td>{fmt(w.opensAt)}</td>
              <td>{fmt(w.closesAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {waves.length === 0 && <p>No waves yet.</p>}
    </>
  );
}
