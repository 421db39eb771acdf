"use client";
// Sends a new consent version: a plain POST to a server action (works with scripts off), checked
// in the browser first when it can. The server checks everything again (lib/panel/send-reconsent.ts).
import { zodResolver } from "@hookform/resolvers/zod";
import { useActionState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { ActionForm } from "../../../../components/action-form";
import { ErrorSummary, issueFor, summaryItems } from "../../../../components/error-summary";
import { reconsentAction, type ReconsentFormState } from "./actions";

export function ReconsentForm(p: { slug: string; kinds: string[]; languages: string[]; defaultLanguage: string }) {
  const [state, action, pending] = useActionState<ReconsentFormState, FormData>(reconsentAction, { ok: null });
  const schema = z.object({
    kind: z.string().min(1, "Choose a consent kind"),
    wordingVersion: z.string().trim().min(1, "Name the new version, e.g. v2-2024"),
    wording: z.record(z.string(), z.string()).refine((w) => (w[p.defaultLanguage] ?? "").trim() !== "", { message: "Write the new wording in the study's default language", path: [p.defaultLanguage] }),
  });
  const { register, handleSubmit, formState } = useForm<z.input<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { kind: state.values?.kind ?? p.kinds[0] } });
  const failed = state.ok === false ? state : null;
  const e = formState.errors;
  const version = e.wordingVersion?.message ?? issueFor(failed, "wordingVersion");
  const kind = e.kind?.message ?? issueFor(failed, "kind");
  const wordingError = (l: string) => (e.wording as Record<string, { message?: string }> | undefined)?.[l]?.message ?? issueFor(failed, `wording.${l}`);
  const fields: Record<string, string | undefined> = { "reconsent-kind": kind, "reconsent-version": version };
  for (const l of p.languages) fields[`reconsent-wording-${l}`] = wordingError(l);
  return (
    <ActionForm action={action} check={(ok) => handleSubmit(ok)} label="Send a new consent version">
      <ErrorSummary items={summaryItems(failed, fields)} focusOn={[formState.submitCount, state]} />
      {state.ok === true && <p role="status">{state.value}</p>}
      <input type="hidden" name="slug" value={p.slug} />
      <div>
        <label htmlFor="reconsent-kind">Consent</label>
        <select id="reconsent-kind" aria-invalid={!!kind} aria-describedby={kind ? "reconsent-kind-error" : undefined} {...register("kind")}>
          {p.kinds.map((k) => <option key={k} value={k}>{k}</option>)}
        </select>
        {kind && <p id="reconsent-kind-error" className="field-error">{kind}</p>}
      </div>
      <div>
        <label htmlFor="reconsent-version">New version</label>
        <input id="reconsent-version" autoComplete="off" defaultValue={state.values?.wordingVersion} aria-invalid={!!version} aria-describedby={version ? "reconsent-version-error" : "reconsent-version-hint"} {...register("wordingVersion")} />
        {version ? <p id="reconsent-version-error" className="field-error">{version}</p> : <p id="reconsent-version-hint" className="muted">A label such as v2-2024; each version is sent once.</p>}
      </div>
      {p.languages.map((l) => {
        const err = wordingError(l);
        return (
          <div key={l}>
            <label htmlFor={`reconsent-wording-${l}`}>Wording ({l}){l === p.defaultLanguage ? ", required" : ", optional: else the default language's"}</label>
            <textarea id={`reconsent-wording-${l}`} lang={l} rows={4} defaultValue={state.values?.[`wording.${l}`]} aria-invalid={!!err}
              aria-describedby={err ? `reconsent-wording-${l}-error` : undefined} {...register(`wording.${l}`)} />
            {err && <p id={`reconsent-wording-${l}-error`} className="field-error">{err}</p>}
          </div>
        );
      })}
      <div><button type="submit" disabled={pending}>Send the new version</button></div>
    </ActionForm>
  );
}
