// GET /studies/:slug/instruments/:version – a version: summary, waves, downloads, preview, and what changed from another version.
import { cookies } from "next/headers";
import Link from "next/link";
import { getVersionPage } from "../../../../../../lib/instruments/get-version-page";
import { orNotFound, staffPage } from "../../../../staff-page";
import { fmtDate, framePath, instrumentsPath, one, pathParams, versionIdSchema, versionPath } from "../params";
import { ChangeTables } from "./change-tables";
import { UploadWarnings } from "./upload-warnings";
import { readUploadResult, UPLOAD_RESULT_COOKIE } from "../upload-result";
import "../instruments.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Instrument version – Panelwave" };

type Props = { params: Promise<{ slug: string; version: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VersionPage({ params, searchParams }: Props) {
  const { slug, version: id } = await pathParams(params);
  const q = await searchParams;
  const { rt, user } = await staffPage(undefined, versionPath(slug, id));
  const compare = versionIdSchema.safeParse(one(q.compare));
  const p = await orNotFound(getVersionPage(rt.db, user, slug, id, { compareWith: compare.success ? compare.data : undefined }));
  const { study, version: v, summary, comparison } = p;
  const uploaded = one(q.uploaded);
  const plainUpload = readUploadResult((await cookies()).get(UPLOAD_RESULT_COOKIE)?.value, one(q.result));
  const versionName = (o: { instrument: string; version: number }) => `${o.instrument} – version ${o.version}`;
  return (
    <>
      <p><Link href={instrumentsPath(study.slug)}>← Instruments of {study.name}</Link></p>
      <h1>{versionName(v)}</h1>
      {uploaded === "created" && <p className="inst-notice" role="status">Saved as version {v.version} of {v.instrument}.</p>}
      {uploaded === "unchanged" && <p className="inst-notice" role="status">The file is the same as version {v.version}; nothing new was saved.</p>}
      {/* A new team's next step is on the study page's setup checklist, not in the instruments list. */}
      {uploaded === "created" && <p><Link href={`/studies/${study.slug}`}>Back to {study.name} (next steps)</Link></p>}
      {uploaded && <UploadWarnings versionId={v.id} initial={plainUpload && { file: plainUpload.file, warnings: plainUpload.issues }} />}
      <p className="muted">{p.title}</p>
      <dl className="inst-facts">
        <dt>Source file</dt><dd>{v.sourceName ?? "–"} ({v.sourceFormat === "xlsform" ? "XLSForm" : "JSON"})</dd>
        <dt>Created</dt><dd>{fmtDate(v.createdAt)}</dd>
        <dt>Locked</dt>
        <dd>{v.lockedAt ? `Yes, since ${fmtDate(v.lockedAt)}: it can no longer change; upload a new version to edit it` : "No: no wave uses it yet"}</dd>
        <dt>Used by</dt>
        <dd>{p.waves.length === 0 ? "No wave" : p.waves.map((w, n) => <span key={w.slug}>{n > 0 && ", "}<Link href={`/studies/${study.slug}/waves/${w.slug}`}>{w.name}</Link> ({w.status})</span>)}</dd>
        <dt>Summary</dt>
        <dd>
          {summary.pages} pages, {summary.questions} questions{summary.notes ? ` + ${summary.notes} notes` : ""}, {summary.conditions} conditions,
          {" "}{summary.calculates} calculations, {summary.preload} preloaded fields; languages {summary.languages.join(", ")} (default {summary.defaultLanguage})
        </dd>
      </dl>
      <p className="button-row">
        <a className="button" href={`${versionPath(study.slug, v.id)}/download?format=xlsx`}>Download as XLSForm (.xlsx)</a>{" "}
        <a className="button secondary" href={`${versionPath(study.slug, v.id)}/download?format=json`}>Download as JSON</a>{" "}
        <Link href={`${instrumentsPath(study.slug)}/new?instrument=${encodeURIComponent(v.instrument)}`}>Upload a new version of {v.instrument}</Link>
      </p>

      <h2 id="preview-title">Preview</h2>
      <p>
        The first page in {summary.defaultLanguage}, every question shown regardless of conditions.{" "}
        <Link href={`${versionPath(study.slug, v.id)}/preview`}>Preview every page in every language</Link>
      </p>
      <iframe className="inst-phone" src={framePath(study.slug, v.id, "", summary.defaultLanguage)} width={360} height={740} title={`Preview of ${versionName(v)}, first page`} />

      <h2 id="compare-title">Compare</h2>
      {p.others.length === 0 ? (
        <p>This is the only version in the study.</p>
      ) : (
        <form method="get" className="inst-inline" aria-labelledby="compare-title">
          <div>
          <label htmlFor="compare">Compare with</label>
          <select id="compare" name="compare" defaultValue={comparison?.base.id}>
            {[...new Set(p.others.map((o) => o.instrument))].map((name) => (
              <optgroup key={name} label={name}>
                {p.others.filter((o) => o.instrument === name).map((o) => <option key={o.id} value={o.id}>{name} – version {o.version}</option>)}
              </optgroup>
            ))}
          </select>
          </div>
          <button type="submit" className="secondary">Compare</button>
        </form>
      )}
      {p.compareMissing && <p className="field-error">That version is not in this study.</p>}
      {comparison && (
        <section aria-labelledby="changes-title">
          <h3 id="changes-title">Changes from {versionName(comparison.base)} to version {v.version}</h3>
          {comparison.count === 0 ? (
            <p>No differences in pages, questions, options, wording or conditions.</p>
          ) : (
            <>
              <p>{comparison.count} change{comparison.count === 1 ? "" : "s"}.</p>
              <ChangeTables sections={comparison.sections} />
            </>
          )}
        </section>
      )}
    </>
  );
}
