"use client";
// The upload form: react-hook-form + zod checks the choice and the file before sending; the server
// checks the file and answers with every problem, shown in a table, or with the new version.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { formatSize, tooLargeMessage } from "../../../../../../lib/instruments/limits";
import { ErrorSummary } from "../../../../../components/error-summary";
import { IssueTable, type FileIssue } from "../issue-table";

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

export function UploadForm(props: { studySlug: string; instruments: { name: string; next: number }[]; initial?: string; maxBytes: number }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [fileIssues, setFileIssues] = useState<{ file: string; issues: FileIssue[] } | null>(null);
  const { register, handleSubmit, formState, watch, setError } = useForm<Values>({
    resolver: zodResolver(makeSchema(props.maxBytes)),
    defaultValues: { instrument: props.initial ?? props.instruments[0]?.name ?? NEW, newName: "" },
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
      <form className="stack" onSubmit={handleSubmit(onSubmit)} noValidate aria-label="Upload a questionnaire" style={{ maxWidth: "34rem" }}>
        <ErrorSummary items={summary} focusOn={[submitCount, formError, fileIssues]} />
        <div>
          <label htmlFor="instrument">Instrument</label>
          <select {...aria("instrument")} {...register("instrument")}>
            {props.instruments.map((i) => <option key={i.name} value={i.name}>{i.name} (becomes version {i.next})</option>)}
            <option value={NEW}>A new instrument…</option>
          </select>
          {errors.instrument && <p className="field-error" id="instrument-error">{errors.instrument.message}</p>}
        </div>
        {instrument === NEW && (
          <div>
            <label htmlFor="newName">Name of the new instrument</label>
            <input {...aria("newName")} {...register("newName")} placeholder="e.g. Wave 3 (2024)" />
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
          <h2 id="file-problems-title">{fileIssues.issues.length} problem{fileIssues.issues.length === 1 ? "" : "s"} in {fileIssues.file}</h2>
          <p>Nothing was saved. Correct the file and upload it again.</p>
          <IssueTable id="file-problems" caption={`Problems in ${fileIssues.file}`} issues={fileIssues.issues} />
        </section>
      )}
    </>
  );
}
