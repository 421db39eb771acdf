"use client";
// One person on the recruitment board: record the next step (with its date) and notes, or send
// the interview request. react-hook-form + zod, errors on fields and in a summary.
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { sendRequestAction, updateEntryAction } from "./actions";
import { ErrorSummary } from "../../../../components/error-summary";

const schema = z.object({
  to: z.string(),
  at: z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD")]),
  notes: z.string().max(4000, "Keep notes under 4000 characters"),
});
type Values = z.infer<typeof schema>;

const LABELS: Record<string, string> = { invited: "Invited", agreed: "Agreed", interviewed: "Interviewed", declined: "Declined", no_answer: "No answer" };

export function BoardEntry(p: { slug: string; id: string; code: string; steps: readonly string[]; canRequest: boolean; notes: string | null }) {
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const prefix = `e-${p.id.slice(0, 8)}-`;
  const { register, handleSubmit, setError, formState } = useForm<Values>({ resolver: zodResolver(schema), shouldFocusError: false, defaultValues: { to: "", at: "", notes: p.notes ?? "" } });
  const { errors, submitCount, isSubmitting } = formState;

  async function onSubmit(v: Values) {
    setStatus(null);
    const r = await updateEntryAction(p.slug, { id: p.id, to: (v.to || undefined) as never, at: v.at, notes: v.notes });
    if (r.ok) return setStatus({ ok: true, message: r.value });
    for (const i of r.issues) if (i.path in schema.shape) setError(i.path as keyof Values, { message: i.message });
    setStatus({ ok: false, message: r.issues.length ? "" : r.message });
  }
  async function send() {
    setStatus(null);
    const r = await sendRequestAction(p.slug, p.id);
    setStatus(r.ok ? { ok: true, message: r.value } : { ok: false, message: r.message });
  }
  const items = [
    ...(status && !status.ok && status.message ? [{ message: status.message }] : []),
    ...(Object.entries(errors) as [keyof Values, { message?: string }][]).map(([k, e]) => ({ field: `${prefix}${k}`, message: e.message ?? "Check this field" })),
  ];
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label={`Update ${p.code}`} style={{ display: "grid", gap: ".4rem", minWidth: "16rem" }}>
      <ErrorSummary items={items} focusOn={[submitCount, status?.message]} />
      {status?.ok && <p role="status" className="muted">{status.message}</p>}
      {p.canRequest && <button type="button" onClick={send}>Send interview request</button>}
      {p.steps.length > 0 && (
        <div style={{ display: "flex", gap: ".4rem" }}>
          <select id={`${prefix}to`} aria-label="Next step" aria-invalid={!!errors.to} {...register("to")}>
            <option value="">(no change)</option>
            {p.steps.map((s) => <option key={s} value={s}>{LABELS[s] ?? s}</option>)}
          </select>
          <input id={`${prefix}at`} type="date" aria-label="Date of the step" aria-invalid={!!errors.at} {...register("at")} />
        </div>
      )}
      {errors.to && <p className="field-error">{errors.to.message}</p>}
      {errors.at && <p className="field-error">{errors.at.message}</p>}
      <textarea id={`${prefix}notes`} aria-label="Notes" rows={2} aria-invalid={!!errors.notes} {...register("notes")} />
      {errors.notes && <p className="field-error">{errors.notes.message}</p>}
      <button type="submit" className="secondary" disabled={isSubmitting}>Save</button>
    </form>
  );
}
