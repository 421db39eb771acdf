"use client";
// The upload form: react-hook-form + zod checks the choice and the file before sending; the server
// checks the file and answers with every problem, shown in a table, or with the new version.
// With scripts off it is a plain multipart post to the same route, which redirects to the new
// version or back here with the problems (`refused`, read from the route's cookie by the page).
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { formatSize, tooLargeMessage } from "../../../../../../lib/instruments/limits";
import { ErrorSummary } from "../../../../../components/error-summary";
import { IssueTable, type FileIssue } from "../issue-table";
import type { UploadResult } from "../upload-result";

const NEW = "__new__";

function makeSchema(maxBytes: number) {
  return z
    .object({
      instrument: z.string().min(1, "Choose an instrument"),
      newName: z.string().trim().max(120, "At most 120 characters"),
      file: z
        .custom<FileList>((v) => typeof v === "object" && v !== null && "length" in v)
        .refine((f) => f.length === 1, "Choose a file")
        .refine((f) => f.length !== 1 || /\.(xlsx|json)$/i.test(f[0].name), "Choose an XLSForm (.xlsx) or a JSON file (.json)")
        .refine((f) => f.length !== 1 || f[0].size <= maxBytes, tooLargeMessage()),
    })
    .superRefine((v, ctx) => {
      if (v.instrument === NEW && !v.newName) ctx.addIssue({ code: "custom", path: ["newName"], message: "Name the new instrument" });
    });
}
type Values = z.infer<ReturnType<typeof makeSchema>>;
type Problem = { detail?: string; errors?: FileIssue[]; status?: number };

/** What a refused plain post left for the form: a message, the name's problem, the file's, or its table of problems. */
function fromRefused(r: UploadResult | null | undefined) {
  if (!r) return { formError: null, name: undefined, file: undefined, table: null };
  const name = r.issues.find((i) => i.path === "name")?.message;
  const rest = r.issues.filter((i) => i.path !== "name");
  const single = rest.length === 1 && !rest[0].sheet && rest[0].path === "file" && r.more === 0;
  const table = rest.length && !single ? { file: r.file, issues: rest, more: r.more } : null;
  const total = rest.length + r.more;
  return {
    formError: r.issues.length === 0 ? r.message : null,
    name,
    file: single ? rest[0].message : table ? `${r.file} has ${total} problem${total === 1 ? "" : "s"}; nothing was saved` : undefined,
    table,
  };
}

export function UploadForm(props: { studySlug: string; instruments: { name: string; next: number }[]; initial?: string; maxBytes: number; refused?: UploadResult | null }) {
  const router = useRouter();
  const known = props.instruments.some((i) => i.name === props.initial);
  // Computed once: react-hook-form applies `errors` again whenever the object changes.
  const [refused] = useState(() => fromRefused(props.refused));
  const [serverErrors] = useState(() =>
    refused.name || refused.file
      ? { ...(refused.name ? { [known ? "instrument" : "newName"]: { type: "server", message: refused.name } } : {}), ...(refused.file ? { file: { type: "server", message: refused.file } } : {}) }
      : undefined,
  );
  const [formError, setFormError] = useState<string | null>(refused.formError);
  const [fileIssues, setFileIssues] = useState<{ file: string; issues: FileIssue[]; more?: number } | null>(refused.table);
  // Until scripts run, the new instrument's name field is shown whatever is chosen (plain post).
  const [hydrated, setHydrated] = useState(false);
  const defaults = known || !props.initial
    ? { instrument: props.initial ?? props.instruments[0]?.name ?? NEW, newName: "" }
    : { instrument: NEW, newName: props.initial };
  useEffect(() => setHydrated(true), []);
  const { register, handleSubmit, formState, watch, setError } = useForm<Values>({
    resolver: zodResolver(makeSchema(props.maxBytes)),
    shouldFocusError: false, // the error summary takes focus, then links to each field
    // A name that is not an instrument yet (sent back after a refused plain post) is a new one.
    defaultValues: defaults,
    errors: serverErrors,
  });
  const { errors, isSubmitting, submitCount } = formState;
  const instrument = watch("instrument");
  const summary = [
    ...(formError ? [{ message: formError }] : []),
    ...(["instrument", "newName", "file"] as const).filter((k) => errors[k]).map((k) => ({ field: k, message: errors[k]!.message ?? "" })),
    ...(fileIssues ? [{ field: "file-problems", message: "See every problem in the table below" }] : []),
  ];

  async function onSubmit(values: Values) {
    setFormError(null);
    setFileIssues(null);
    const file = values.file[0];
    const body = new FormData();
    body.set("name", values.instrument === NEW ? values.newName : values.instrument);
    body.set("file", file);
    let res: Response;
    try {
      res = await fetch(`/studies/${props.studySlug}/instruments/upload`, { method: "POST", body });
    } catch {
      setFormError("The upload did not reach the server; check your connection and try again.");
      return;
    }
    if (res.ok) {
      const r = (await res.json()) as { url: string; versionId: string; outcome: string; version: number; warnings: FileIssue[]; changes: number };
      sessionStorage.setItem(`pw-upload:${r.versionId}`, JSON.stringify({ file: file.name, warnings: r.warnings }));
      router.push(`${r.url}?uploaded=${r.outcome}`);
      return;
    }
    const p = (await res.json().catch(() => ({}))) as Problem;
    if (res.status === 401) setFormError("Your session has ended. Sign in again in another tab, then upload again.");
    else if (res.status === 413) setError("file", { message: p.detail ?? tooLargeMessage() });
    else if (res.status === 422 && p.errors?.length) {
      const nameIssue = p.errors.find((i) => i.path === "name");
      if (nameIssue) setError(values.instrument === NEW ? "newName" : "instrument", { message: nameIssue.message });
      const issues = p.errors.filter((i) => i.path !== "name");
      if (issues.length) {
        setFileIssues({ file: file.name, issues });
        setError("file", { message: `${file.name} has ${issues.length} problem${issues.length === 1 ? "" : "s"}; nothing was saved` });
      }
    } else setFormError(p.detail ?? "The upload failed; try again.");
  }

  const aria = (k: keyof Values) => ({ id: k, "aria-invalid": !!errors[k], "aria-describedby": errors[k] ? `${k}-error` : undefined });
  return (
    <>
      <form className="stack" action={`/studies/${props.studySlug}/instruments/upload`} method="post" encType="multipart/form-data"
        onSubmit={handleSubmit(onSubmit)} noValidate aria-label="Upload a questionnaire" style={{ maxWidth: "34rem" }}>
        <ErrorSummary items={summary} focusOn={[submitCount, formError, fileIssues]} />
        <div>
          <label htmlFor="instrument">Instrument</label>
          {/* The DOM defaults too, for the page as rendered before (or without) scripts. */}
          <select {...aria("instrument")} defaultValue={defaults.instrument} {...register("instrument")}>
            {props.instruments.map((i) => <option key={i.name} value={i.name}>{i.name} (becomes version {i.next})</option>)}
            <option value={NEW}>A new instrument…</option>
          </select>
          {errors.instrument && <p className="field-error" id="instrument-error">{errors.instrument.message}</p>}
        </div>
        {(instrument === NEW || !hydrated) && (
          <div>
            <label htmlFor="newName">Name of the new instrument{hydrated ? "" : " (when you choose “A new instrument…”)"}</label>
            <input {...aria("newName")} defaultValue={defaults.newName} {...register("newName")} placeholder="e.g. Wave 3 (2024)" />
            {errors.newName && <p className="field-error" id="newName-error">{errors.newName.message}</p>}
          </div>
        )}
        <div>
          <label htmlFor="file">File</label>
          <p className="muted" id="file-hint" style={{ margin: "0 0 .25rem" }}>.xlsx or .json, at most {formatSize(props.maxBytes)}</p>
          <input type="file" accept=".xlsx,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            {...aria("file")} aria-describedby={errors.file ? "file-hint file-error" : "file-hint"} {...register("file")} />
          {errors.file && <p className="field-error" id="file-error">{errors.file.message}</p>}
        </div>
        <button type="submit" disabled={isSubmitting}>{isSubmitting ? "Checking the file…" : "Upload"}</button>
      </form>
      {fileIssues && (
        <section aria-labelledby="file-problems-title">
          <h2 id="file-problems-title">{fileIssues.issues.length + (fileIssues.more ?? 0)} problem{fileIssues.issues.length + (fileIssues.more ?? 0) === 1 ? "" : "s"} in {fileIssues.file}</h2>
          <p>Nothing was saved. Correct the file and upload it again.</p>
          <IssueTable id="file-problems" caption={`Problems in ${fileIssues.file}`} issues={fileIssues.issues} />
          {!!fileIssues.more && <p>…and {fileIssues.more} more. Correct these and upload again to see the rest.</p>}
        </section>
      )}
    </>
  );
}
