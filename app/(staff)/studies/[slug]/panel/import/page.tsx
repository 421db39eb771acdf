// GET /studies/:slug/panel/import – import the panel from CSV or Excel: upload, a dry-run preview
// (columns; rows to add, update, leave unchanged, skip or refuse, each problem with its row and
// column; the fields each update changes), then confirm.
// Every step is a plain form post; nothing is stored in the panel before the confirmation.
import Link from "next/link";
import { type Draft, panelImportScreen, type SampleRow } from "../../../../../../lib/panel/panel-import-draft";
import { consentName } from "../labels";
import { ErrorSummary } from "../../../../../components/error-summary";
import { orNotFound, studyScreen } from "../../recruitment/study-screen";
import { ProblemTable } from "./problem-table";
import { RowChanges } from "./row-changes";
import { UploadForm } from "./upload-fields";

export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;
const n = (x: number) => x.toLocaleString("en-US");
const people = (x: number) => `${n(x)} ${x === 1 ? "person" : "people"}`;

export default async function PanelImportPage(props: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const { rt, user, slug } = await studyScreen(props.params, "panel/import");
  const sp = await props.searchParams;
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : "");
  const { draft, gone } = await orNotFound(panelImportScreen(rt.db, rt.config.personalDataKey, user, slug, one("draft") || null, new Date()));
  const error = one("error") ? { field: one("field"), message: one("error") } : null;
  const summary = [...(gone ? [{ message: gone }] : []), ...(error ? [error.field && !draft ? { field: error.field, message: error.message } : { message: error.message }] : [])];
  const imported = one("imported");
  return (
    <>
      <p><Link href={`/studies/${slug}/panel`}>← Panel</Link></p>
      <h1>Import the panel</h1>
      <ErrorSummary items={summary} focusOn={[one("error"), gone]} />
      {imported && (
        <div role="status" className="card" style={{ marginBottom: "1rem" }}>
          <p style={{ margin: 0 }}>
            <strong>Imported {people(Number(imported))}.</strong>
            {Number(one("updated")) > 0 && ` Updated ${people(Number(one("updated")))}.`}
            {Number(one("unchanged")) > 0 && ` ${people(Number(one("unchanged")))} already up to date.`}
            {Number(one("skipped")) > 0 && ` ${people(Number(one("skipped")))} already in the panel skipped.`}
          </p>
          <p style={{ margin: ".5rem 0 0" }}><Link href={`/studies/${slug}/panel`}>See the panel</Link> · <Link href={`/studies/${slug}`}>Back to the study (next: schedule a wave)</Link></p>
        </div>
      )}
      {draft ? <Preview slug={slug} draft={draft} admin={user.role === "admin"} /> : (
        <>
          <p>Columns: <code>email</code> (required), <code>language</code>, <code>code</code> (generated when empty), <code>consent_date</code>, and one <code>consent_&lt;kind&gt;</code> column per consent (yes/no), e.g. <code>consent_follow_up_surveys</code>. The file is checked first; you see what would happen and confirm before anything is saved.</p>
          <UploadForm slug={slug} error={error} />
        </>
      )}
    </>
  );
}

function Preview({ slug, draft, admin }: { slug: string; draft: Draft; admin: boolean }) {
  const { preview } = draft;
  const r = preview.result;
  const refusal = preview.refusal;
  const ready = r !== null && r.problemCount === 0;
  // A preview kept from before updates existed has no `added`.
  const toAdd = r ? (r.added ?? Math.max(0, r.rows - r.skipped - r.refusedRows)) : 0;
  const toUpdate = r?.updated ?? 0;
  const existing = draft.options.existing ?? "error";
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">Preview of {preview.fileName}</h2>
      <p className="muted">Checked as {preview.kind === "xlsx" ? "an Excel workbook (first sheet)" : "CSV"}{draft.options.dateFormat ? `, dates as ${draft.options.dateFormat}` : ", no date format chosen"}. Nothing has been saved yet.</p>
      {preview.confirmRefusal && (
        <div className="error-summary" role="alert" style={{ marginBottom: "1rem" }}>
          <strong>The import was refused: {preview.confirmRefusal.message}</strong>
          {preview.confirmRefusal.issues.length > 0 && <ProblemTable caption="Problems found when importing" issues={preview.confirmRefusal.issues} />}
        </div>
      )}
      {refusal && (
        <>
          <p><strong>{refusal.message}.</strong> Nothing can be imported from this file; correct it and check it again.</p>
          <ProblemTable caption={`Problems in ${preview.fileName}`} issues={refusal.issues} />
        </>
      )}
      {r && (
        <>
          <p>Columns recognised: {r.columns.map((c, i) => <span key={c}>{i > 0 && ", "}<code>{c}</code></span>)}</p>
          <table className="stack-table" aria-label="What the import would do" style={{ maxWidth: "36rem" }}>
            <tbody>
              <tr><th scope="row">Rows in the file</th><td data-label="Rows in the file" className="num">{n(r.rows)}</td></tr>
              <tr><th scope="row">To be added</th><td data-label="To be added" className="num">{ready ? n(toAdd) : `${n(toAdd)} (once every problem is corrected)`}</td></tr>
              {existing === "update" && (
                <>
                  <tr><th scope="row">To be updated</th><td data-label="To be updated" className="num">{n(toUpdate)}</td></tr>
                  <tr><th scope="row">Unchanged (already up to date)</th><td data-label="Unchanged" className="num">{n(r.unchanged ?? 0)}</td></tr>
                </>
              )}
              {(existing !== "update" || r.alreadyInPanel > 0) && (
                <tr><th scope="row">{existing === "update" ? "Email already in the panel, not matched by code" : "Already in the panel"}</th><td data-label="Already in the panel" className="num">{n(r.alreadyInPanel)}{r.alreadyInPanel > 0 && (existing === "skip" ? " (skipped, not changed)" : " (refused)")}</td></tr>
              )}
              <tr><th scope="row">Refused rows</th><td data-label="Refused rows" className="num">{n(r.refusedRows)}</td></tr>
            </tbody>
          </table>
          {preview.sample && preview.sample.length > 0 && <SampleTable rows={preview.sample} admin={admin} skip={existing === "skip"} blocked={r.problemCount > 0} />}
          {r.outcomes && <RowChanges outcomes={r.outcomes} total={toUpdate} />}
          {!admin && r.alreadyInPanel > 0 && <p className="muted">Which rows are already in the panel is personal data: only an admin sees them row by row.</p>}
          {r.problemCount > 0 && (
            <>
              <h3>{n(r.problemCount)} problem{r.problemCount === 1 ? "" : "s"}{r.problemCount > r.problems.length ? ` (the first ${n(r.problems.length)} listed)` : ""}</h3>
              <p>Nothing is imported while any row is refused. Correct the file and check it again.</p>
              <ProblemTable caption={`Problems in ${preview.fileName}`} issues={r.problems} />
            </>
          )}
        </>
      )}
      {ready && (
        <form method="post" action={`/studies/${slug}/panel/import/confirm`} className="stack" aria-label="Confirm the import" style={{ marginTop: "1rem" }}>
          <input type="hidden" name="draft" value={draft.id} />
          <input type="hidden" name="sha256" value={draft.sha256} />
          <p style={{ margin: 0 }}>This imports exactly the file previewed (SHA-256 <code style={{ overflowWrap: "anywhere" }}>{draft.sha256.slice(0, 16)}…</code>); the preview is kept for an hour after the check.</p>
          <button type="submit">{toUpdate > 0 ? `Import: add ${people(toAdd)}, update ${people(toUpdate)}` : `Import ${people(toAdd)}`}</button>
        </form>
      )}
      <h2>{ready ? "Or check another file" : "Check a corrected file"}</h2>
      <UploadForm slug={slug} options={draft.options} again />
    </section>
  );
}

/** The first rows as the import reads them: codes, languages, consents and dates as understood. */
function SampleTable({ rows, admin, skip, blocked }: { rows: SampleRow[]; admin: boolean; skip: boolean; blocked: boolean }) {
  const outcome = (r: SampleRow) => {
    if (r.refused) return "refused";
    const what = r.outcome === "unchanged" ? "unchanged (already up to date)" : r.outcome ?? "added";
    if (r.outcome) return blocked && (r.outcome === "added" || r.outcome === "updated") ? `${what} once the file is corrected` : what;
    return `${blocked ? "added once the file is corrected" : "added"}${skip ? " (skipped if already in the panel)" : ""}`;
  };
  return (
    <table className="stack-table" id="sample-rows">
      <caption style={{ textAlign: "left" }}>The first {rows.length} row{rows.length === 1 ? "" : "s"}, as read</caption>
      <thead>
        <tr>
          <th scope="col" className="num">Row</th>{admin && <th scope="col">Email</th>}<th scope="col">Code</th><th scope="col">Language</th>
          <th scope="col">Consents</th><th scope="col">Consent date</th><th scope="col">Outcome</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.row}>
            <td data-label="Row" className="num">{r.row}</td>
            {admin && <td data-label="Email">{r.email || "–"}</td>}
            <td data-label="Code">{r.code ? <code>{r.code}</code> : <span className="muted">generated</span>}</td>
            <td data-label="Language">{r.language}</td>
            <td data-label="Consents">{r.consents.map(([k, g]) => `${consentName(k)}: ${g ? "yes" : "no"}`).join("; ") || "–"}</td>
            <td data-label="Consent date">{r.date ?? "–"}</td>
            <td data-label="Outcome">{outcome(r)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
