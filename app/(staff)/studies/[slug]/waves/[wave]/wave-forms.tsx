"use client";
// The wave page's forms, each a plain POST to its server action (they work without scripts):
// while it runs, a later closing time and the reminder schedule; once closed, "reopen until";
// and the delete page's confirmation.
import { zodResolver } from "@hookform/resolvers/zod";
import { useActionState } from "react";
import { useForm } from "react-hook-form";
import { ActionForm } from "../../../../../components/action-form";
import { ErrorSummary, issueFor, summaryItems } from "../../../../../components/error-summary";
import { deleteWaveAction, extendWaveAction, reopenWaveAction, updateScheduleAction, type WaveFormState } from "../actions";
import { Field, fieldAria, ScheduleInputs, Target, zoned } from "../form-bits";
import { scheduleFieldsSchema, type ScheduleFields } from "../wave-form-values";

type Where = { studySlug: string; waveSlug: string; timeZone: string };

const Done = ({ state }: { state: WaveFormState }) => (state.ok === true && state.value ? <p role="status">{state.value}</p> : null);

/** One date-and-time field: "extend until" while the wave runs, "reopen until" once it closed. */
export function UntilForm(props: Where & { kind: "extend" | "reopen"; initial: string }) {
  const [state, action, pending] = useActionState<WaveFormState, FormData>(props.kind === "extend" ? extendWaveAction : reopenWaveAction, { ok: null });
  const failed = state.ok === false ? state : null;
  const field = props.kind === "extend" ? "closesAt" : "until";
  const error = issueFor(failed, field);
  const { handleSubmit, formState } = useForm();
  return (
    <ActionForm action={action} check={(ok) => handleSubmit(ok)} label={props.kind === "extend" ? "Extend the wave" : "Reopen the wave"}>
      <ErrorSummary items={summaryItems(failed, { [field]: error })} focusOn={[formState.submitCount, state]} />
      <Target studySlug={props.studySlug} waveSlug={props.waveSlug} />
      <Field id={field} label={zoned(props.kind === "extend" ? "New closing time" : "Reopen until", props.timeZone)} error={error}>
        <input type="datetime-local" name={field} defaultValue={failed?.values[field] ?? props.initial} required {...fieldAria(field, error)} />
      </Field>
      <button type="submit" disabled={pending}>{props.kind === "extend" ? "Extend the wave" : "Reopen the wave"}</button>
      <Done state={state} />
    </ActionForm>
  );
}

const SCHEDULE = ["invitationAt", "reminderDays", "remindIf", "closingReminderDaysBefore", "sendRatePerSecond"] as const;

/** The invitation and reminder schedule (while the wave runs: reminders only added after the existing ones). */
export function ScheduleForm(props: Where & { initial: ScheduleFields; running: boolean }) {
  const [state, action, pending] = useActionState<WaveFormState, FormData>(updateScheduleAction, { ok: null });
  const failed = state.ok === false ? state : null;
  const shown: ScheduleFields = failed ? { ...props.initial, ...failed.values } : props.initial;
  const { register, handleSubmit, formState } = useForm<ScheduleFields>({
    resolver: zodResolver(scheduleFieldsSchema(props.timeZone)),
    defaultValues: shown,
  });
  const errors = Object.fromEntries(SCHEDULE.map((k) => [k, formState.errors[k]?.message ?? issueFor(failed, k)])) as Record<(typeof SCHEDULE)[number], string | undefined>;
  // defaultValue too: without a script react-hook-form never fills the fields.
  const f = (k: (typeof SCHEDULE)[number], hint = false) => ({ ...fieldAria(k, errors[k], hint), defaultValue: shown[k], ...register(k) });
  return (
    <ActionForm action={action} check={(ok) => handleSubmit(ok)} label="Invitation and reminder schedule">
      <ErrorSummary items={summaryItems(failed, errors)} focusOn={[formState.submitCount, state]} />
      <Target studySlug={props.studySlug} waveSlug={props.waveSlug} />
      <ScheduleInputs field={f} errors={errors} timeZone={props.timeZone} running={props.running} />
      <button type="submit" disabled={pending}>{pending ? "Saving…" : "Save the schedule"}</button>
      <Done state={state} />
    </ActionForm>
  );
}

/** The delete page's one button: the confirmation itself. */
export function DeleteForm(props: { studySlug: string; waveSlug: string; name: string }) {
  const [state, action, pending] = useActionState<WaveFormState, FormData>(deleteWaveAction, { ok: null });
  const failed = state.ok === false ? state : null;
  return (
    <form action={action} className="stack" aria-label="Delete the wave">
      <ErrorSummary items={summaryItems(failed, {})} focusOn={[state]} />
      <Target studySlug={props.studySlug} waveSlug={props.waveSlug} />
      <button type="submit" disabled={pending}>Delete {props.name}</button>
    </form>
  );
}
