"use client";
// Create or edit a recruitment rule: react-hook-form + zod, errors on fields and in a summary.
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { saveRuleAction } from "./actions";
import { ErrorSummary } from "../../../../components/error-summary";

const schema = z.object({
  name: z.string().trim().min(1, "Give the rule a name"),
  waveId: z.string(),
  trajectories: z.array(z.enum(["stayed", "returned", "moved_on", "unknown"])).min(1, "Choose at least one trajectory"),
  consent: z.string().trim().regex(/^[a-z0-9_]*$/, "A consent kind is lower-case letters, digits and _"),
  active: z.boolean(),
});
type Values = z.infer<typeof schema>;

const TRAJECTORIES = [["stayed", "Stayed"], ["returned", "Returned"], ["moved_on", "Moved on"], ["unknown", "Unknown"]] as const;

export function RuleForm(p: { slug: string; waves: { id: string; name: string }[]; defaultWaveId?: string | null; rule?: { id: string } & Values }) {
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const prefix = p.rule ? `rule-${p.rule.id.slice(0, 8)}-` : "new-rule-";
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    // The summary takes focus, not the first field (react-hook-form's default).
    shouldFocusError: false,
    defaultValues: p.rule ?? { name: "", waveId: p.defaultWaveId ?? "", trajectories: ["returned", "moved_on"], consent: "interview_contact", active: true },
  });
  const { errors, submitCount, isSubmitting } = formState;

  async function onSubmit(v: Values) {
    setStatus(null);
    const r = await saveRuleAction(p.slug, { ...v, id: p.rule?.id, waveId: v.waveId || null, consent: v.consent || null });
    if (r.ok) return setStatus({ ok: true, message: r.value });
    for (const i of r.issues) setError(i.path as keyof Values, { message: i.message });
    setStatus({ ok: false, message: r.issues.length ? "" : r.message });
  }

  const items = [
    ...(status && !status.ok && status.message ? [{ message: status.message }] : []),
    ...(Object.entries(errors) as [keyof Values, { message?: string }][]).map(([k, e]) => ({ field: `${prefix}${k}`, message: e.message ?? "Check this field" })),
  ];
  return (
    <form className="stack" onSubmit={handleSubmit(onSubmit)} noValidate aria-label={p.rule ? `Edit rule ${p.rule.name}` : "New rule"}>
      <ErrorSummary items={items} focusOn={[submitCount, status?.message]} />
      {status?.ok && <p role="status">{status.message}</p>}
      <div>
        <label htmlFor={`${prefix}name`}>Name</label>
        <input id={`${prefix}name`} aria-invalid={!!errors.name} {...register("name")} />
        {errors.name && <p className="field-error">{errors.name.message}</p>}
      </div>
      <div>
        <label htmlFor={`${prefix}waveId`}>Wave whose answers count</label>
        <select id={`${prefix}waveId`} aria-invalid={!!errors.waveId} {...register("waveId")}>
          <option value="">Any wave</option>
          {p.waves.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
        </select>
        {errors.waveId && <p className="field-error">{errors.waveId.message}</p>}
      </div>
      <fieldset id={`${prefix}trajectories`} aria-invalid={!!errors.trajectories}>
        <legend>Trajectory in that wave</legend>
        {TRAJECTORIES.map(([v, label]) => (
          <label key={v} style={{ fontWeight: 400 }}><input type="checkbox" value={v} style={{ width: "auto" }} {...register("trajectories")} /> {label}</label>
        ))}
        {errors.trajectories && <p className="field-error">{errors.trajectories.message}</p>}
      </fieldset>
      <div>
        <label htmlFor={`${prefix}consent`}>Consent that must be granted (latest answer)</label>
        <input id={`${prefix}consent`} aria-invalid={!!errors.consent} aria-describedby={`${prefix}consent-hint`} {...register("consent")} />
        <p id={`${prefix}consent-hint`} className="muted">e.g. interview_contact; leave empty for none. Withdrawn people are never flagged.</p>
        {errors.consent && <p className="field-error">{errors.consent.message}</p>}
      </div>
      <label style={{ fontWeight: 400 }}><input type="checkbox" style={{ width: "auto" }} {...register("active")} /> Active (flags on completion and back-fills now)</label>
      <button type="submit" disabled={isSubmitting}>{isSubmitting ? "Saving…" : p.rule ? "Save rule" : "Create rule"}</button>
    </form>
  );
}
