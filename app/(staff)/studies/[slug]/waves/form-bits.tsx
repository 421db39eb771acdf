// Pieces shared by the wave forms: a labelled field with its hint and error (described by both),
// and the hidden fields that name the study and wave a plain form POST is about.
import type { ReactNode } from "react";

export function Field(props: { id: string; label: ReactNode; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && <p className="muted" id={`${props.id}-hint`} style={{ margin: "0 0 .25rem" }}>{props.hint}</p>}
      {props.children}
      {props.error && <p className="field-error" id={`${props.id}-error`}>{props.error}</p>}
    </div>
  );
}

/** An input's accessibility attributes: invalid, described by its hint and its error. */
export function fieldAria(id: string, error: string | undefined, hint = false) {
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return { id, "aria-invalid": !!error, "aria-describedby": describedBy || undefined };
}

/** The study and wave of a form, for its server action. */
export function Target(props: { studySlug: string; waveSlug?: string }) {
  return (
    <>
      <input type="hidden" name="studySlug" value={props.studySlug} />
      {props.waveSlug && <input type="hidden" name="waveSlug" value={props.waveSlug} />}
    </>
  );
}

/** "Opens (Europe/Oslo time)", "Closes (Europe/Oslo time, optional)": every time field names the zone its time is in. */
export function zoned(label: string, timeZone: string, optional = false): string {
  return `${label} (${timeZone} time${optional ? ", optional" : ""})`;
}

export type ScheduleKey = "invitationAt" | "reminderDays" | "remindIf" | "closingReminderDaysBefore" | "sendRatePerSecond";

/**
 * The invitation and reminder fields, in the new-wave, edit and schedule forms alike. `field`
 * gives an input its registration and accessibility attributes; `running` changes the reminder
 * hint (while a wave runs, reminders are only added after the existing ones).
 */
export function ScheduleInputs(props: {
  field: (k: ScheduleKey, hint?: boolean) => Record<string, unknown>;
  errors: Partial<Record<ScheduleKey, string>>;
  timeZone: string;
  running?: boolean;
}) {
  const { field: f, errors } = props;
  return (
    <>
      <Field id="invitationAt" label={zoned("Send invitations at", props.timeZone, true)} hint="Empty: when the wave opens" error={errors.invitationAt}>
        <input type="datetime-local" {...f("invitationAt", true)} />
      </Field>
      <Field
        id="reminderDays"
        label="Reminders, days after the invitation"
        hint={props.running ? "Add days after the existing ones, e.g. 4, 10, 14" : "e.g. 4, 10 (empty: none)"}
        error={errors.reminderDays}
      >
        <input {...f("reminderDays", true)} />
      </Field>
      <Field id="remindIf" label="Remind those who have" error={errors.remindIf}>
        <select {...f("remindIf")}>
          <option value="not_completed">not completed</option>
          <option value="not_started">not started</option>
        </select>
      </Field>
      <Field id="closingReminderDaysBefore" label="Closing reminder, days before closing" hint="Empty: none" error={errors.closingReminderDaysBefore}>
        <input inputMode="numeric" {...f("closingReminderDaysBefore", true)} />
      </Field>
      <Field id="sendRatePerSecond" label="Send rate limit, messages per second (optional)" error={errors.sendRatePerSecond}>
        <input inputMode="decimal" {...f("sendRatePerSecond")} />
      </Field>
    </>
  );
}
