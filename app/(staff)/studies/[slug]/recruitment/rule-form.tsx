"use client";
// Create or edit a recruitment rule: a plain POST to its server action (works without scripts),
// checked in the browser first with react-hook-form + zod; errors on fields and in a summary.
import { zodResolver } from "@hookform/resolvers/zod";
import { type ReactNode, useActionState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { ActionForm } from "../../../../components/action-form";
import { ErrorSummary, issueFor } from "../../../../components/error-summary";
import { saveRuleAction, type RuleFormState } from "./actions";

const schema = z.object({
  name: z.string().trim().min(1, "Give the rule a name"),
  waveId: z.string(),
  trajectories: z.array(z.enum(["stayed", "returned", "moved_on", "unknown"])).min(1, "Choose at least one trajectory"),
  consent: z.string().trim().regex(/^[a-z0-9_]*$/, "A consent kind is lower-case letters, digits and _"),
  active: z.boolean(),
});
type Values = z.infer<typeof schema>;
const KEYS = ["name", "waveId", "trajectories", "consent", "active"] as const;

const TRAJECTORIES = [["stayed", "Stayed"], ["returned", "Returned"], ["moved_on", "Moved on"], ["unknown", "Unknown"]] as const;

/**
 * The form inside a details element whose summary is `summary`; it stays open once the form has
 * an answer, so a plain POST's refusal or "Saved" is seen without opening it again.
 */
export function RuleForm(p: { slug: string; summary: ReactNode; waves: { id: string; name: string }[]; defaultWaveId?: string | null; rule?: { id: string } & Values }) {
  const [state, action, pending] = useActionState<RuleFormState, FormData>(saveRuleAction, { ok: null });
  const failed = state.ok === false ? state : null;
  const prefix = p.rule ? `rule-${p.rule.id.slice(0, 8)}-` : "new-rule-";
  // What the fields show: the rule, or what was sent when a plain POST comes back refused.
  const shown: Values = { ...(p.rule ?? { name: "", waveId: p.defaultWaveId ?? "", trajectories: ["returned", "moved_on"], consent: "interview_contact", active: true }), ...failed?.values };
  const { register, handleSubmit, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    // The summary takes focus, not the first field (react-hook-form's default).
    shouldFocusError: false,
    defaultValues: shown,
  });
  const { errors, submitCount } = formState;
  const error = (k: (typeof KEYS)[number]) => errors[k]?.message ?? issueFor(failed, k);
  const listed = KEYS.filter((k) => error(k)).map((k) => ({ field: `${prefix}${k}`, message: error(k)! }));
  const items = [...(failed && !failed.issues.some((i) => (KEYS as readonly string[]).includes(i.path)) ? [{ message: failed.message }] : []), ...listed];
  const aria = (k: (typeof KEYS)[number]) => ({ id: `${prefix}${k}`, "aria-invalid": !!error(k), "aria-describedby": error(k) ? `${prefix}${k}-error` : undefined });
  const fieldError = (k: (typeof KEYS)[number]) => error(k) && <p id={`${prefix}${k}-error`} className="field-error">{error(k)}</p>;
  return (
    <details className="card" style={{ marginBottom: ".75rem" }} open={state.ok !== null || undefined}>
    <summary>{p.summary}</summary>
    <ActionForm action={action} check={(ok) => handleSubmit(ok)} label={p.rule ? `Edit rule ${p.rule.name}` : "New rule"}>
      <ErrorSummary items={items} focusOn={[submitCount, state]} />
      {state.ok === true && <p role="status">{state.value}</p>}
      <input type="hidden" name="slug" value={p.slug} />
      {p.rule && <input type="hidden" name="id" value={p.rule.id} />}
      <div>
        <label htmlFor={`${prefix}name`}>Name</label>
        <input {...aria("name")} defaultValue={shown.name} {...register("name")} />
        {fieldError("name")}
      </div>
      <div>
        <label htmlFor={`${prefix}waveId`}>Wave whose answers count</label>
        <select {...aria("waveId")} defaultValue={shown.waveId} {...register("waveId")}>
          <option value="">Any wave</option>
          {p.waves.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
        </select>
        {fieldError("waveId")}
      </div>
      <fieldset id={`${prefix}trajectories`} aria-invalid={!!error("trajectories")} aria-describedby={error("trajectories") ? `${prefix}trajectories-error` : undefined}>
        <legend>Trajectory in that wave</legend>
        {TRAJECTORIES.map(([v, label]) => (
          <label key={v} className="choice"><input type="checkbox" value={v} defaultChecked={shown.trajectories.includes(v)} {...register("trajectories")} /> {label}</label>
        ))}
        {fieldError("trajectories")}
      </fieldset>
      <div>
        <label htmlFor={`${prefix}consent`}>Consent that must be granted (latest answer)</label>
        <input {...aria("consent")} aria-describedby={`${prefix}consent-hint${error("consent") ? ` ${prefix}consent-error` : ""}`} defaultValue={shown.consent} {...register("consent")} />
        <p id={`${prefix}consent-hint`} className="muted">e.g. interview_contact; leave empty for none. Withdrawn people are never flagged.</p>
        {fieldError("consent")}
      </div>
      <label className="choice"><input type="checkbox" defaultChecked={shown.active} {...register("active")} /> Active (flags on completion and back-fills now)</label>
      <button type="submit" disabled={pending}>{pending ? "Saving…" : p.rule ? "Save rule" : "Create rule"}</button>
    </ActionForm>
    </details>
  );
}
