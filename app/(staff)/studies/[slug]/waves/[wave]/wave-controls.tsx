"use client";
// The wave page's actions: open now, close now, and the invitation/reminder schedule form.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { scheduleFieldsSchema, type ScheduleFields } from "../wave-form-values";
import { closeWaveNowAction, openWaveNowAction, updateScheduleAction } from "../actions";
import { ErrorSummary, Field, isoToLocal, localToIso } from "../form-bits";

export function WaveControls(props: { studySlug: string; waveSlug: string; status: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(kind: "open" | "close") {
    const question = kind === "open"
      ? "Open the wave now and send its invitations now?"
      : "Close the wave now? Nobody can answer after this, and waiting invitations and reminders are cancelled.";
    if (!window.confirm(question)) return;
    setBusy(true);
    const res = kind === "open" ? await openWaveNowAction(props.studySlug, props.waveSlug) : await closeWaveNowAction(props.studySlug, props.waveSlug);
    setBusy(false);
    setMessage(res.ok ? (kind === "open" ? "The wave is open; invitations are on their way." : "The wave is closed.") : res.message);
    router.refresh();
  }

  return (
    <div style={{ display: "flex", gap: ".75rem", alignItems: "center", flexWrap: "wrap" }}>
      {props.status === "scheduled" && <button type="button" disabled={busy} onClick={() => run("open")}>Open now</button>}
      {props.status !== "closed" && <button type="button" className="secondary" disabled={busy} onClick={() => run("close")}>Close now</button>}
      <span role="status" aria-live="polite">{message}</span>
    </div>
  );
}

const DATE = "invitationAt" as const;

export function ScheduleForm(props: { studySlug: string; waveSlug: string; initial: ScheduleFields }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, formState, setError } = useForm<ScheduleFields>({
    resolver: zodResolver(scheduleFieldsSchema),
    defaultValues: { ...props.initial, [DATE]: isoToLocal(props.initial[DATE]) },
  });
  const { errors, isSubmitting, submitCount } = formState;
  const aria = (k: keyof ScheduleFields) => ({ id: k, "aria-invalid": !!errors[k], "aria-describedby": errors[k] ? `${k}-error` : undefined });

  async function onSubmit(values: ScheduleFields) {
    setFormError(null);
    setSaved(false);
    const res = await updateScheduleAction(props.studySlug, props.waveSlug, { ...values, [DATE]: localToIso(values[DATE]) });
    if (res.ok) {
      setSaved(true);
      router.refresh();
      return;
    }
    const fields = res.issues.filter((i) => i.path in props.initial);
    for (const i of fields) setError(i.path as keyof ScheduleFields, { message: i.message });
    if (fields.length === 0) setFormError(res.message);
  }

  const summary = (Object.keys(errors) as (keyof ScheduleFields)[]).map((k) => ({ id: k, message: errors[k]?.message ?? "" }));
  return (
    <form className="stack" onSubmit={handleSubmit(onSubmit)} noValidate aria-label="Invitation and reminder schedule">
      <ErrorSummary errors={summary} formError={formError} submitCount={submitCount} />
      <Field id="invitationAt" label="Send invitations at" hint="Empty: when the wave opens" error={errors.invitationAt?.message}>
        <input type="datetime-local" {...aria("invitationAt")} {...register("invitationAt")} />
      </Field>
      <Field id="reminderDays" label="Reminders, days after the invitation" hint="e.g. 4, 10 (empty: none)" error={errors.reminderDays?.message}>
        <input {...aria("reminderDays")} {...register("reminderDays")} />
      </Field>
      <Field id="remindIf" label="Remind those who have" error={errors.remindIf?.message}>
        <select {...aria("remindIf")} {...register("remindIf")}>
          <option value="not_completed">not completed</option>
          <option value="not_started">not started</option>
        </select>
      </Field>
      <Field id="closingReminderDaysBefore" label="Closing reminder, days before closing" hint="Empty: none" error={errors.closingReminderDaysBefore?.message}>
        <input inputMode="numeric" {...aria("closingReminderDaysBefore")} {...register("closingReminderDaysBefore")} />
      </Field>
      <Field id="sendRatePerSecond" label="Send rate limit, messages per second" error={errors.sendRatePerSecond?.message}>
        <input inputMode="decimal" {...aria("sendRatePerSecond")} {...register("sendRatePerSecond")} />
      </Field>
      <button type="submit" disabled={isSubmitting}>{isSubmitting ? "Saving…" : "Save the schedule"}</button>
      {saved && <p role="status">Saved.</p>}
    </form>
  );
}
