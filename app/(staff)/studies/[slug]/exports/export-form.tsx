"use client";
// The export form: react-hook-form + zod; downloads go to the export routes, which authorize
// again on the server (identifiers: admins only) and log the export.
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { ErrorSummary } from "../../../../components/error-summary";

const schema = z.object({
  shape: z.enum(["wide", "long"]),
  format: z.enum(["csv", "xlsx"]),
  bom: z.boolean(),
  identifiers: z.boolean(),
  completed: z.boolean(),
  lang: z.enum(["en", "nb", "uk", "ru"]),
  waves: z.array(z.string()).min(1, "Choose at least one wave"),
});
type Values = z.infer<typeof schema>;

export function ExportForm(p: { slug: string; waves: { slug: string; name: string }[]; isAdmin: boolean }) {
  const { register, handleSubmit, watch, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    shouldFocusError: false,
    defaultValues: { shape: "wide", format: "csv", bom: true, identifiers: false, completed: true, lang: "en", waves: p.waves.map((w) => w.slug) },
  });
  const { errors, submitCount } = formState;
  const v = watch();
  const qs = (extra: Record<string, string> = {}) =>
    new URLSearchParams({
      shape: v.shape, format: v.format, bom: String(v.bom), identifiers: String(p.isAdmin && v.identifiers), completed: String(v.completed),
      lang: v.lang, waves: (v.waves ?? []).join(","), ...extra,
    }).toString();
  const base = `/api/studies/${p.slug}/exports`;
  const download = () => window.location.assign(`${base}/responses?${qs()}`);
  const items = Object.entries(errors).map(([k, e]) => ({ field: `export-${k}`, message: (e as { message?: string }).message ?? "Check this field" }));
  return (
    <form className="stack" onSubmit={handleSubmit(download)} noValidate aria-label="Export responses" style={{ maxWidth: "36rem" }}>
      <ErrorSummary items={items} focusOn={[submitCount]} />
      <fieldset id="export-shape"><legend>Layout</legend>
        <label style={{ fontWeight: 400 }}><input type="radio" value="wide" style={{ width: "auto" }} {...register("shape")} /> Wide: one row per participant, variables prefixed by wave</label>
        <label style={{ fontWeight: 400 }}><input type="radio" value="long" style={{ width: "auto" }} {...register("shape")} /> Long: one row per participant and wave</label>
      </fieldset>
      <fieldset id="export-format"><legend>Format</legend>
        <label style={{ fontWeight: 400 }}><input type="radio" value="csv" style={{ width: "auto" }} {...register("format")} /> CSV (UTF-8)</label>
        <label style={{ fontWeight: 400 }}><input type="radio" value="xlsx" style={{ width: "auto" }} {...register("format")} /> XLSX (with a codebook sheet)</label>
        <label style={{ fontWeight: 400 }}><input type="checkbox" style={{ width: "auto" }} {...register("bom")} /> Byte-order mark for Excel (CSV)</label>
      </fieldset>
      <fieldset id="export-waves" aria-invalid={!!errors.waves}><legend>Waves</legend>
        {p.waves.map((w) => <label key={w.slug} style={{ fontWeight: 400 }}><input type="checkbox" value={w.slug} style={{ width: "auto" }} {...register("waves")} /> {w.name}</label>)}
        {errors.waves && <p className="field-error">{errors.waves.message}</p>}
      </fieldset>
      <label style={{ fontWeight: 400 }}><input type="checkbox" style={{ width: "auto" }} {...register("completed")} /> Completed responses only</label>
      <div>
        <label htmlFor="export-lang">Label language (codebook, syntax)</label>
        <select id="export-lang" {...register("lang")}><option value="en">English</option><option value="nb">Norsk bokmål</option><option value="uk">Українська</option><option value="ru">Русский</option></select>
      </div>
      {p.isAdmin && (
        <label style={{ fontWeight: 400 }}><input type="checkbox" style={{ width: "auto" }} {...register("identifiers")} /> Include identifiers (email). The export is logged with your name.</label>
      )}
      <button type="submit">Download responses</button>
      <p>
        With the same options: <a href={`${base}/codebook?${qs()}`}>codebook</a> · <a href={`${base}/syntax/spss?${qs()}`}>SPSS syntax</a> ·{" "}
        <a href={`${base}/syntax/stata?${qs()}`}>Stata do-file</a> · <a href={`${base}/syntax/r?${qs()}`}>R script</a>
      </p>
    </form>
  );
}
