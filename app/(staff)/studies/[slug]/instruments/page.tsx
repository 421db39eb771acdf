// GET /studies/:slug/instruments – the study's instruments and their versions, with summaries and the waves that use them.
import Link from "next/link";
import { getInstrumentsPage } from "../../../../../lib/instruments/get-instruments-page";
import { orNotFound, staffPage } from "../../../staff-page";
import { fmtDate, instrumentsPath, pathParams, versionPath } from "./params";
import "./instruments.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Instruments – Panelwave" };

export default async function InstrumentsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await pathParams(params);
  const { rt, user } = await staffPage(undefined, instrumentsPath(slug));
  const { study, instruments } = await orNotFound(getInstrumentsPage(rt.db, user, slug));
  return (
    <>
      <p><Link href={`/studies/${study.slug}`}>← {study.name}</Link></p>
      <h1>Instruments</h1>
      <p className="muted">A version becomes locked when a wave uses it and never changes after that; uploading a file always adds a new version.</p>
      <p><Link className="button" href={`${instrumentsPath(study.slug)}/new`}>Upload a new version</Link></p>
      {instruments.length === 0 && <p>No instruments yet.</p>}
      {instruments.map((i) => (
        <section key={i.name} aria-labelledby={`inst-${i.versions[0].instrumentId}`}>
          <h2 id={`inst-${i.versions[0].instrumentId}`}>{i.name}</h2>
          <table className="stack-table">
            <caption className="inst-caption">{i.versions.length} version{i.versions.length === 1 ? "" : "s"} of {i.name}</caption>
            <thead>
              <tr>
                <th scope="col">Version</th><th scope="col">Source file</th><th scope="col">Created</th><th scope="col">Locked</th>
                <th scope="col">Used by</th><th scope="col" className="num">Pages</th><th scope="col" className="num">Questions</th>
                <th scope="col">Languages</th><th scope="col" className="num">Conditions</th>
              </tr>
            </thead>
            <tbody>
              {i.versions.map((v) => (
                <tr key={v.id} data-version={v.version}>
                  <td data-label="Version"><Link href={versionPath(study.slug, v.id)}>Version {v.version}</Link></td>
                  <td data-label="Source file">{v.sourceName ?? "–"} <span className="muted">({v.sourceFormat === "xlsform" ? "XLSForm" : "JSON"})</span></td>
                  <td data-label="Created" className="inst-nowrap">{fmtDate(v.createdAt)}</td>
                  <td data-label="Locked">{v.lockedAt ? <><span className="badge">locked</span><br /><span className="muted inst-nowrap">{fmtDate(v.lockedAt)}</span></> : <span className="muted">not locked</span>}</td>
                  <td data-label="Used by">
                    {v.waves.length === 0 ? <span className="muted">no wave</span> : v.waves.map((w, n) => (
                      <span key={w.slug}>{n > 0 && ", "}<Link href={`/studies/${study.slug}/waves/${w.slug}`}>{w.name}</Link></span>
                    ))}
                  </td>
                  <td data-label="Pages" className="num">{v.summary.pages}</td>
                  <td data-label="Questions" className="num">{v.summary.questions}{v.summary.notes ? <span className="muted"> + {v.summary.notes} notes</span> : null}</td>
                  <td data-label="Languages">{v.summary.languages.join(", ")}</td>
                  <td data-label="Conditions" className="num">{v.summary.conditions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
