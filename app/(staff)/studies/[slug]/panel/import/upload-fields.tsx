// The upload form of the panel import: a plain multipart POST (works without scripts) to the
// check route, which answers with the preview. Shown empty, and again under a preview with the
// options chosen before, to check a corrected file.
import { DATE_FORMATS } from "../../../../../../lib/panel/date-format";
import type { ImportOptions } from "../../../../../../lib/panel/import-panel";

export function UploadForm(props: { slug: string; options?: ImportOptions; error?: { field: string; message: string } | null; again?: boolean }) {
  const err = (k: string) => (props.error?.field === k ? props.error.message : undefined);
  const aria = (k: string) => ({ id: k, name: k, "aria-invalid": !!err(k), "aria-describedby": [`${k}-hint`, err(k) ? `${k}-error` : ""].join(" ").trim() });
  return (
    <form method="post" action={`/studies/${props.slug}/panel/import/check`} encType="multipart/form-data" className="stack" aria-label={props.again ? "Check a corrected file" : "Check a panel file"} style={{ maxWidth: "36rem" }}>
      <div>
        <label htmlFor="file">{props.again ? "Corrected file" : "Panel file"}</label>
        <p className="muted" id="file-hint" style={{ margin: "0 0 .25rem" }}>CSV (comma, semicolon or tab separated, UTF-8) or Excel .xlsx (the first sheet); at most 32 MB</p>
        <input type="file" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {...aria("file")} />
        {err("file") && <p className="field-error" id="file-error">{err("file")}</p>}
      </div>
      <div>
        <label htmlFor="dateFormat">Date format in the file</label>
        <p className="muted" id="dateFormat-hint" style={{ margin: "0 0 .25rem" }}>For consent_date. ISO dates (2025-01-12) are always read. Without a choice, a date such as 12.01.2025 (12 January or 1 December?) is refused.</p>
        <select {...aria("dateFormat")} defaultValue={props.options?.dateFormat ?? ""}>
          <option value="">Not chosen: ISO dates, and dates with only one possible reading</option>
          {DATE_FORMATS.map((f) => <option key={f} value={f}>{f}</option>)}
        </select>
        {err("dateFormat") && <p className="field-error" id="dateFormat-error">{err("dateFormat")}</p>}
      </div>
      <div>
        <label htmlFor="existing">People already in the panel</label>
        <p className="muted" id="existing-hint" style={{ margin: "0 0 .25rem" }}>
          A row with the code of someone in the panel updates their email, language and consents (a changed consent is added as a new record; a withdrawn person is never changed). The preview shows every change before anything is saved.
        </p>
        <select {...aria("existing")} defaultValue={props.options?.existing ?? "update"}>
          <option value="update">Update them (matched by code)</option>
          <option value="skip">Skip rows whose email is already in the panel</option>
          <option value="error">Refuse the file (each such row is a problem)</option>
        </select>
      </div>
      <div>
        <label htmlFor="wordingVersion">Consent wording version (optional)</label>
        <p className="muted" id="wordingVersion-hint" style={{ margin: "0 0 .25rem" }}>The version of the consent text these people agreed to, e.g. 2024-1</p>
        <input {...aria("wordingVersion")} defaultValue={props.options?.wordingVersion ?? ""} maxLength={100} />
        {err("wordingVersion") && <p className="field-error" id="wordingVersion-error">{err("wordingVersion")}</p>}
      </div>
      <button type="submit">{props.again ? "Check the corrected file" : "Check the file"}</button>
    </form>
  );
}
