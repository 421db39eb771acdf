"use client";
// The export form: a plain GET form whose fields are the download routes' query parameters, so it
// works with scripts off (each button names its route with formAction). With scripts on,
// react-hook-form first checks that a wave is chosen; the routes authorize again on the server
// (identifiers: admins only) and log the export.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRef, type FormEvent } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { ErrorSummary } from "../../../../components/error-summary";

// Only what the browser can get wrong; the routes parse every option again (lib/exports/export-query.ts).
const schema = z.object({
  waves: z.preprocess((v) => (Array.isArray(v) ? v : v ? [v] : []), z.array(z.string()).min(1, "Choose at least one wave")),
});
type Values = z.input<typeof schema>;

/** "Українська (uk)": a language's own name, then its code; the code alone where the runtime has no name. */
function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: "language" }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

export function ExportForm(p: { slug: string; waves: { slug: string; name: string }[]; isAdmin: boolean; languages: string[]; defaultLanguage: string; repeats: string[] }) {
  const form = useRef<HTMLFormElement>(null);
  const { register, handleSubmit, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    shouldFocusError: false,
    defaultValues: { waves: p.waves.map((w) => w.slug) },
  });
  const { errors, submitCount } = formState;
  const base = `/api/studies/${p.slug}/exports`;
  // The same URL the browser would build without scripts: the pressed button's route, the form's fields.
  const download = (submitter: HTMLButtonElement | null) => {
    // A button's formAction reads as the page's own URL when it has none: the form's action then.
    const url = submitter?.hasAttribute("formaction") ? submitter.formAction : form.current!.action;
    window.location.assign(`${url}?${new URLSearchParams(new FormData(form.current!) as unknown as [string, string][])}`);
  };
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void handleSubmit(() => download(submitter))(e);
  };
  const items = errors.waves ? [{ field: "export-waves", message: errors.waves.message ?? "Choose at least one wave" }] : [];
  return (
    <form ref={form} method="get" action={`${base}/responses`} className="stack" onSubmit={onSubmit} noValidate aria-label="Export responses" style={{ maxWidth: "36rem" }}>
      <ErrorSummary items={items} focusOn={[submitCount]} />
      <fieldset><legend>Profile</legend>
        <label className="choice"><input type="radio" name="profile" value="pseudonymous" defaultChecked /> Pseudonymous: participants by their code, answers as given</label>
        <label className="choice"><input type="radio" name="profile" value="deidentified" aria-describedby="profile-deidentified-hint" /> De-identified: for archiving and sharing</label>
        <p className="muted" id="profile-deidentified-hint">
          Identifier questions are dropped, codes replaced by a hash that changes with every export, dates shifted by a per-person offset,
          emails, phone numbers and URLs in free text masked, and small counts in the frequency tables suppressed. The codebook lists what was done.
        </p>
      </fieldset>
      <fieldset><legend>Layout</legend>
        <label className="choice"><input type="radio" name="shape" value="wide" defaultChecked /> Wide: one row per participant, variables prefixed by wave</label>
        <label className="choice"><input type="radio" name="shape" value="long" /> Long: one row per participant and wave</label>
      </fieldset>
      {p.repeats.length > 0 && (
        <fieldset><legend>Table</legend>
          <label className="choice"><input type="radio" name="repeat" value="" defaultChecked /> Main table (XLSX adds each repeat as a sheet)</label>
          {p.repeats.map((r) => (
            <label key={r} className="choice"><input type="radio" name="repeat" value={r} /> Repeat “{r}”: one row per entry (long)</label>
          ))}
        </fieldset>
      )}
      <fieldset><legend>Format</legend>
        <label className="choice"><input type="radio" name="format" value="csv" defaultChecked /> CSV (UTF-8)</label>
        <label className="choice"><input type="radio" name="format" value="xlsx" /> XLSX (with a codebook sheet)</label>
        <label className="choice"><input type="checkbox" name="bom" value="true" defaultChecked /> Byte-order mark for Excel (CSV)</label>
      </fieldset>
      <fieldset aria-describedby={errors.waves ? "export-waves-error" : undefined}><legend>Waves</legend>
        {p.waves.map((w, i) => (
          <label key={w.slug} className="choice">
            <input type="checkbox" value={w.slug} id={i === 0 ? "export-waves" : undefined} aria-invalid={!!errors.waves} {...register("waves")} /> {w.name}
          </label>
        ))}
        {errors.waves && <p className="field-error" id="export-waves-error">{errors.waves.message}</p>}
      </fieldset>
      <fieldset><legend>Responses</legend>
        <label className="choice"><input type="radio" name="completed" value="true" defaultChecked /> Completed responses only</label>
        <label className="choice"><input type="radio" name="completed" value="false" /> Every response begun</label>
      </fieldset>
      <div>
        <label htmlFor="export-lang">Label language (codebook, syntax)</label>
        <select id="export-lang" name="lang" defaultValue={p.defaultLanguage}>{p.languages.map((code) => <option key={code} value={code}>{languageName(code)}</option>)}</select>
      </div>
      {p.isAdmin && (
        <label className="choice"><input type="checkbox" name="identifiers" value="true" /> Include identifiers (email; pseudonymous profile only). The export is logged with your name.</label>
      )}
      <div><button type="submit">Download responses</button></div>
      <p id="same-options">With the same options:</p>
      <div className="button-row" role="group" aria-labelledby="same-options">
        <button type="submit" className="secondary" formAction={`${base}/codebook`}>Codebook</button>
        <button type="submit" className="secondary" formAction={`${base}/syntax/spss`}>SPSS syntax</button>
        <button type="submit" className="secondary" formAction={`${base}/syntax/stata`}>Stata do-file</button>
        <button type="submit" className="secondary" formAction={`${base}/syntax/r`}>R script</button>
        <button type="submit" className="secondary" formAction={`${base}/frequencies`}>Frequency tables (de-identified)</button>
      </div>
    </form>
  );
}
