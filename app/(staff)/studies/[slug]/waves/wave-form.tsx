"use client";
// Schedule a wave, or change one before it opens: a plain POST to a server action (works without
// scripts), checked in the browser first with the shared zod schema; errors on the fields and a
// summary that takes focus. Times are in the study's time zone, named on every time field.
// "Count the panel" shows how many would be invited before anything is sent: with scripts in
// place, without them as a submit (named _count) that draws the form again with the count.
import { zodResolver } from "@hookform/resolvers/zod";
import { type MouseEvent, useActionState, useState } from "react";
import { useForm } from "react-hook-form";
import { ActionForm } from "../../../../components/action-form";
import { ErrorSummary, issueFor, summaryItems } from "../../../../components/error-summary";
import { countText, waveFormSchema, type WaveFormValues } from "./wave-form-values";
import { countTargetsAction, createWaveAction, editWaveAction, type WaveFormState } from "./actions";
import { Field, fieldAria, ScheduleInputs, Target, zoned } from "./form-bits";

type Props = {
  kind: "new" | "edit";
  studySlug: string;
  waveSlug?: string;
  timeZone: string;
  versions: { id: string; label: string }[];
  waves: { id: string; name: string }[];
  consentKinds: { kind: string; label: string }[];
  initial: WaveFormValues;
};

const FIELDS = [
  "name", "slug", "instrumentVersionId", "mode", "opensAt", "closesAt", "consent", "completedWaveId",
  "invitationAt", "reminderDays", "remindIf", "closingReminderDaysBefore", "sendRatePerSecond",
] as const;

export function WaveForm(props: Props) {
  const [state, action, pending] = useActionState<WaveFormState, FormData>(props.kind === "new" ? createWaveAction : editWaveAction, { ok: null });
  const failed = state.ok === false ? state : null;
  // What the fields show: the wave, or what was sent when the form comes back (refused or counted).
  const shown: WaveFormValues = { ...props.initial, ...state.values };
  const { register, handleSubmit, formState, watch, getValues } = useForm<WaveFormValues>({
    resolver: zodResolver(waveFormSchema(props.timeZone)),
    // After a refused plain POST the page is drawn again with what was sent.
    defaultValues: shown,
  });
  const [count, setCount] = useState<string | null>(state.ok === null ? state.counted ?? null : null);
  const mode = watch("mode");
  const errors = Object.fromEntries(FIELDS.map((k) => [k, formState.errors[k]?.message ?? issueFor(failed, k)])) as Record<(typeof FIELDS)[number], string | undefined>;
  // defaultValue too: react-hook-form fills fields only once a script runs, and the form must show its values without one.
  const f = (k: (typeof FIELDS)[number], hint = false) => ({ ...fieldAria(k, errors[k], hint), defaultValue: shown[k], ...register(k) });

  async function countPanel(e: MouseEvent) {
    e.preventDefault();
    setCount("Counting…");
    const { consent, completedWaveId } = getValues();
    const res = await countTargetsAction(props.studySlug, { consent, completedWaveId });
    setCount(res.ok ? countText(res.value) : res.message);
  }

  const tz = props.timeZone;
  return (
    <ActionForm action={action} check={(ok) => handleSubmit(ok)} label={props.kind === "new" ? "New wave" : "Change the wave"}>
      <ErrorSummary items={summaryItems(failed, errors)} focusOn={[formState.submitCount, state]} />
      <Target studySlug={props.studySlug} waveSlug={props.waveSlug} />
      <Field id="name" label="Name" error={errors.name}><input {...f("name")} /></Field>
      {props.kind === "new" ? (
        <Field id="slug" label="Short name in links" hint="Lower-case letters, digits and dashes, e.g. wave-2" error={errors.slug}>
          <input {...f("slug", true)} />
        </Field>
      ) : (
        <input type="hidden" defaultValue={shown.slug} {...register("slug")} />
      )}
      <Field id="instrumentVersionId" label="Questionnaire version" error={errors.instrumentVersionId}>
        <select {...f("instrumentVersionId")}>
          {props.versions.map((v) => <option key={v.id} value={v.id}>{v.label}</option>)}
        </select>
      </Field>
      {props.kind === "new" ? (
        <fieldset>
          <legend>Who answers</legend>
          <label style={{ fontWeight: 400 }}><input type="radio" value="panel" style={{ width: "auto" }} defaultChecked={shown.mode === "panel"} {...register("mode")} /> Personal invitations to the panel</label>
          <label style={{ fontWeight: 400 }}><input type="radio" value="open_link" style={{ width: "auto" }} defaultChecked={shown.mode === "open_link"} {...register("mode")} /> An open link (recruitment)</label>
        </fieldset>
      ) : (
        <input type="hidden" defaultValue={shown.mode} {...register("mode")} />
      )}
      <p className="muted" id="zone-note">Times are in the study&apos;s time zone, {tz}, wherever you are.</p>
      <Field id="opensAt" label={zoned("Opens", tz)} error={errors.opensAt}><input type="datetime-local" {...f("opensAt")} /></Field>
      <Field id="closesAt" label={zoned("Closes", tz, true)} error={errors.closesAt}><input type="datetime-local" {...f("closesAt")} /></Field>
      {mode === "panel" && (
        <>
          <Field id="consent" label="Consent the panel must have given" hint="The latest answer counts; withdrawn and bounced people are never invited" error={errors.consent}>
            <select {...f("consent", true)}>
              {props.consentKinds.map((k) => <option key={k.kind} value={k.kind}>{k.label}</option>)}
            </select>
          </Field>
          <Field id="completedWaveId" label="Only those who completed" error={errors.completedWaveId}>
            <select {...f("completedWaveId")}>
              <option value="">(any earlier wave, or none)</option>
              {props.waves.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
            </select>
          </Field>
          <div>
            <button type="submit" name="_count" value="1" className="secondary" onClick={countPanel}>Count the panel</button>
            <p role="status" aria-live="polite">{count}</p>
          </div>
          <ScheduleInputs field={f} errors={errors} timeZone={tz} />
        </>
      )}
      <button type="submit" disabled={pending}>{pending ? "Saving…" : props.kind === "new" ? "Schedule the wave" : "Save the changes"}</button>
    </ActionForm>
  );
}
