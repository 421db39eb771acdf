"use client";
// Publishing an interview slot: start in the interviewer's own zone, length, mode (a video link or
// a place), the languages the interviewer can interview in. A plain POST without scripts.
import { useActionState } from "react";
import { ActionForm } from "../../../../components/action-form";
import { ErrorSummary, issueFor, summaryItems } from "../../../../components/error-summary";
import { createSlotAction, type FormState } from "./actions";

const LANGS = [["uk", "Ukrainian"], ["ru", "Russian"], ["nb", "Norwegian"], ["en", "English"]] as const;

export function SlotForm(p: { slug: string; timeZone: string; zones: string[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(createSlotAction.bind(null, p.slug), { ok: null });
  const failed = state.ok === false ? state : null;
  const f = {
    start: issueFor(failed, "start"), timeZone: issueFor(failed, "timeZone"), minutes: issueFor(failed, "minutes"), mode: issueFor(failed, "mode"),
    videoUrl: issueFor(failed, "videoUrl"), place: issueFor(failed, "place"), languages: issueFor(failed, "languages"),
  };
  const err = (k: keyof typeof f) => (f[k] ? <p id={`${k}-error`} className="field-error">{f[k]}</p> : null);
  const described = (k: keyof typeof f, hint?: string) => [hint, f[k] ? `${k}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <ActionForm action={action} check={(ok) => async () => ok()} label="Publish an interview slot" id="slot-form">
      <ErrorSummary items={summaryItems(failed, f)} focusOn={[state]} />
      <div>
        <label htmlFor="start">Start</label>
        <input id="start" name="start" type="datetime-local" required aria-invalid={!!f.start} aria-describedby={described("start", "start-hint")} />
        <p id="start-hint" className="muted">In your own time zone, below.</p>
        {err("start")}
      </div>
      <div>
        <label htmlFor="timeZone">Your time zone</label>
        <select id="timeZone" name="timeZone" defaultValue={p.timeZone} aria-invalid={!!f.timeZone} aria-describedby={described("timeZone")}>
          {p.zones.map((z) => <option key={z} value={z}>{z}</option>)}
        </select>
        {err("timeZone")}
      </div>
      <div>
        <label htmlFor="minutes">Length (minutes)</label>
        <input id="minutes" name="minutes" type="number" min={10} max={240} defaultValue={60} required aria-invalid={!!f.minutes} aria-describedby={described("minutes")} />
        {err("minutes")}
      </div>
      <fieldset aria-invalid={!!f.mode} aria-describedby={described("mode")}>
        <legend>How</legend>
        {([["video", "Video (with a link)"], ["phone", "Phone"], ["in_person", "In person (with a place)"]] as const).map(([v, l]) => (
          <label key={v} className="choice"><input type="radio" name="mode" value={v} defaultChecked={v === "video"} /> {l}</label>
        ))}
        {err("mode")}
      </fieldset>
      <div>
        <label htmlFor="videoUrl">Video link (for video)</label>
        <input id="videoUrl" name="videoUrl" type="url" placeholder="https://" aria-invalid={!!f.videoUrl} aria-describedby={described("videoUrl")} />
        {err("videoUrl")}
      </div>
      <div>
        <label htmlFor="place">Place (for in person)</label>
        <input id="place" name="place" type="text" maxLength={300} aria-invalid={!!f.place} aria-describedby={described("place")} />
        {err("place")}
      </div>
      <fieldset id="languages" aria-describedby={described("languages")}>
        <legend>Languages you can interview in</legend>
        {LANGS.map(([v, l]) => <label key={v} className="choice"><input type="checkbox" name="languages" value={v} defaultChecked={v === "uk"} /> {l}</label>)}
        {err("languages")}
      </fieldset>
      <button type="submit" disabled={pending}>Publish slot</button>
    </ActionForm>
  );
}
