"use client";
// Schedule a wave: react-hook-form with the shared zod schema; errors on the fields and a summary
// that takes focus; "count the panel" shows how many would be invited before anything is sent.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { waveFormDefaults, waveFormSchema, type WaveFormValues } from "../wave-form-values";
import { countTargetsAction, createWaveAction } from "../actions";
import { ErrorSummary, Field, localToIso } from "../form-bits";

const DATE_FIELDS = ["opensAt", "closesAt", "invitationAt"] as const;

export function WaveForm(props: { studySlug: string; versions: { id: string; label: string }[]; waves: { id: string; name: string }[] }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [count, setCount] = useState<string | null>(null);
  const { register, handleSubmit, formState, watch, setError, getValues } = useForm<WaveFormValues>({
    resolver: zodResolver(waveFormSchema),
    defaultValues: { ...waveFormDefaults, instrumentVersionId: props.versions[0]?.id ?? "", opensAt: "" },
  });
  const { errors, isSubmitting, submitCount } = formState;
  const mode = watch("mode");
  const e = (k: keyof WaveFormValues) => errors[k]?.message;
  const aria = (k: keyof WaveFormValues) => ({ id: k, "aria-invalid": !!errors[k], "aria-describedby": errors[k] ? `${k}-error` : undefined });

  async function onSubmit(values: WaveFormValues) {
    setFormError(null);
    const iso = { ...values };
    for (const k of DATE_FIELDS) iso[k] = localToIso(values[k]);
    const res = await createWaveAction(props.studySlug, iso);
    if (res.ok) {
      router.push(`/studies/${props.studySlug}/waves/${res.value}`);
      return;
    }
    let onField = false;
    for (const i of res.issues) {
      if (i.path in waveFormDefaults || i.path === "instrumentVersionId" || i.path === "opensAt") {
        setError(i.path as keyof WaveFormValues, { message: i.message });
        onField = true;
      }
    }
    if (!onField || res.issues.length === 0) setFormError(res.message);
  }

  async function countPanel() {
    setCount("Counting…");
    const { consent, completedWaveId } = getValues();
    const res = await countTargetsAction(props.studySlug, { consent, completedWaveId });
    setCount(res.ok ? `${res.value} participant${res.value === 1 ? "" : "s"} would be invited now.` : res.message);
  }

  const summary = (Object.keys(errors) as (keyof WaveFormValues)[]).map((k) => ({ id: k, message: errors[k]?.message ?? "" }));

  return (
    <form className="stack" onSubmit={handleSubmit(onSubmit)} noValidate aria-label="New wave" style={{ maxWidth: "34rem" }}>
      <ErrorSummary errors={summary} formError={formError} submitCount={submitCount} />
      <Field id="name" label="Name" error={e("name")}><input {...aria("name")} {...register("name")} /></Field>
      <Field id="slug" label="Short name in links" hint="Lower-case letters, digits and dashes, e.g. wave-2" error={e("slug")}>
        <input {...aria("slug")} {...register("slug")} />
      </Field>
      <Field id="instrumentVersionId" label="Questionnaire version" error={e("instrumentVersionId")}>
        <select {...aria("instrumentVersionId")} {...register("instrumentVersionId")}>
          {props.versions.map((v) => <option key={v.id} value={v.id}>{v.label}</option>)}
        </select>
      </Field>
      <fieldset>
        <legend>Who answers</legend>
        <label style={{ fontWeight: 400 }}><input type="radio" value="panel" style={{ width: "auto" }} {...register("mode")} /> Personal invitations to the panel</label>
        <label style={{ fontWeight: 400 }}><input type="radio" value="open_link" style={{ width: "auto" }} {...register("mode")} /> An open link (recruitment)</label>
      </fieldset>
      <Field id="opensAt" label="Opens" error={e("opensAt")}><input type="datetime-local" {...aria("opensAt")} {...register("opensAt")} /></Field>
      <Field id="closesAt" label="Closes (optional)" error={e("closesAt")}><input type="datetime-local" {...aria("closesAt")} {...register("closesAt")} /></Field>
      {mode === "panel" && (
        <>
          <Field id="consent" label="Consent the panel must have given" hint="The latest answer counts; withdrawn and bounced people are never invited" error={e("consent")}>
            <input {...aria("consent")} {...register("consent")} />
          </Field>
          <Field id="completedWaveId" label="Only those who completed" error={e("completedWaveId")}>
            <select {...aria("completedWaveId")} {...register("completedWaveId")}>
              <option value="">(any earlier wave, or none)</option>
              {props.waves.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
            </select>
          </Field>
          <div>
            <button type="button" className="secondary" onClick={countPanel}>Count the panel</button>
            <p role="status" aria-live="polite">{count}</p>
          </div>
          <Field id="invitationAt" label="Send invitations at (optional)" hint="Empty: when the wave opens" error={e("invitationAt")}>
            <input type="datetime-local" {...aria("invitationAt")} {...register("invitationAt")} />
          </Field>
          <Field id="reminderDays" label="Reminders, days after the invitation" hint="e.g. 4, 10 (empty: none)" error={e("reminderDays")}>
            <input {...aria("reminderDays")} {...register("reminderDays")} />
          </Field>
          <Field id="remindIf" label="Remind those who have" error={e("remindIf")}>
            <select {...aria("remindIf")} {...register("remindIf")}>
              <option value="not_completed">not completed</option>
              <option value="not_started">not started</option>
            </select>
          </Field>
          <Field id="closingReminderDaysBefore" label="Closing reminder, days before closing" hint="Empty: none" error={e("closingReminderDaysBefore")}>
            <input inputMode="numeric" {...aria("closingReminderDaysBefore")} {...register("closingReminderDaysBefore")} />
          </Field>
          <Field id="sendRatePerSecond" label="Send rate limit, messages per second (optional)" error={e("sendRatePerSecond")}>
            <input inputMode="decimal" {...aria("sendRatePerSecond")} {...register("sendRatePerSecond")} />
          </Field>
        </>
      )}
      <button type="submit" disabled={isSubmitting}>{isSubmitting ? "Saving…" : "Schedule the wave"}</button>
    </form>
  );
}
