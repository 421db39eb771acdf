"use client";
// Schedules a keep-in-touch mailing, or sends it now: a plain POST to a server action (works with
// scripts off). The server checks everything (lib/panel/keep-in-touch.ts) and names each field.
import { useActionState } from "react";
import { ActionForm } from "../../../../../components/action-form";
import { ErrorSummary, issueFor, summaryItems } from "../../../../../components/error-summary";
import { keepInTouchAction, type KeepInTouchFormState } from "./actions";

export function KeepInTouchForm(p: { slug: string; languages: string[]; timeZone: string }) {
  const [state, action, pending] = useActionState<KeepInTouchFormState, FormData>(keepInTouchAction, { ok: null });
  const failed = state.ok === false ? state : null;
  const v = state.values ?? {};
  const fields: Record<string, string | undefined> = {};
  for (const l of p.languages) {
    fields[`kit-${l}-subject`] = issueFor(failed, `messages.${l}.subject`);
    fields[`kit-${l}-body`] = issueFor(failed, `messages.${l}.body`);
  }
  fields["kit-months"] = issueFor(failed, "olderThanMonths");
  fields["kit-send-at"] = issueFor(failed, "sendAt");
  const err = (id: string) => fields[id];
  const described = (id: string, hint?: string) => (err(id) ? `${id}-error` : hint);
  return (
    <ActionForm action={action} check={(ok) => async () => ok()} label="Create a keep-in-touch mailing">
      <ErrorSummary items={summaryItems(failed, fields)} focusOn={[state]} />
      {state.ok === true && <p role="status">{state.value}</p>}
      <input type="hidden" name="slug" value={p.slug} />
      {p.languages.map((l) => (
        <fieldset key={l} lang={l}>
          <legend>Message ({l})</legend>
          <div>
            <label htmlFor={`kit-${l}-subject`}>Subject ({l})</label>
            <input id={`kit-${l}-subject`} name={`messages.${l}.subject`} maxLength={200} defaultValue={v[`messages.${l}.subject`]} aria-invalid={!!err(`kit-${l}-subject`)} aria-describedby={described(`kit-${l}-subject`)} />
            {err(`kit-${l}-subject`) && <p id={`kit-${l}-subject-error`} className="field-error">{err(`kit-${l}-subject`)}</p>}
          </div>
          <div>
            <label htmlFor={`kit-${l}-body`}>Text ({l})</label>
            <textarea id={`kit-${l}-body`} name={`messages.${l}.body`} rows={4} maxLength={5000} defaultValue={v[`messages.${l}.body`]} aria-invalid={!!err(`kit-${l}-body`)} aria-describedby={described(`kit-${l}-body`, "kit-body-hint")} />
            {err(`kit-${l}-body`) && <p id={`kit-${l}-body-error`} className="field-error">{err(`kit-${l}-body`)}</p>}
          </div>
        </fieldset>
      ))}
      <p id="kit-body-hint" className="muted">Plain text; a blank line starts a new paragraph. The email adds a “Check my details” button and the study’s usual footer.</p>
      <fieldset>
        <legend>Who gets it</legend>
        <label className="choice"><input type="radio" name="audience" value="all" defaultChecked={v.audience !== "older"} /> The whole panel</label>
        <label className="choice"><input type="radio" name="audience" value="older" defaultChecked={v.audience === "older"} /> Only those whose details are older than the months below</label>
        <div>
          <label htmlFor="kit-months">Months (confirmed or changed no more recently than this)</label>
          <input id="kit-months" name="olderThanMonths" type="number" inputMode="numeric" min={1} max={120} defaultValue={v.olderThanMonths ?? "6"} aria-invalid={!!err("kit-months")} aria-describedby={described("kit-months")} />
          {err("kit-months") && <p id="kit-months-error" className="field-error">{err("kit-months")}</p>}
        </div>
        <p className="muted">Always only people with follow-up consent who have not withdrawn and whose address works.</p>
      </fieldset>
      <div>
        <label htmlFor="kit-send-at">Send at ({p.timeZone})</label>
        <input id="kit-send-at" name="sendAt" type="datetime-local" defaultValue={v.sendAt} aria-invalid={!!err("kit-send-at")} aria-describedby={described("kit-send-at")} />
        {err("kit-send-at") && <p id="kit-send-at-error" className="field-error">{err("kit-send-at")}</p>}
      </div>
      <div className="actions">
        <button type="submit" name="send" value="later" disabled={pending}>Schedule</button>{" "}
        <button type="submit" name="send" value="now" disabled={pending} className="secondary">Send now</button>
      </div>
    </ActionForm>
  );
}
