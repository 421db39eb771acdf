"use client";
// The study form, new and settings: a plain POST to a server action (works with scripts off),
// checked in the browser first by the same rules. Each language of the study has its own
// section of texts; the status variable's codes map to stayed / returned / moved on; on the
// settings page, the recruitment characteristics with their printed value labels.
import { type ReactNode, useActionState, useState } from "react";
import "./studies.css";
import { ActionForm } from "../../components/action-form";
import { ErrorSummary } from "../../components/error-summary";
import type { FieldIssue } from "../../../lib/errors/app-error";
import type { VariableChoice } from "../../../lib/studies/study-variables";
import type { StudyFormState } from "./actions";
import { checkStudyForm, languagesOf, rowIndexes, slugFromName, TARGETS, type FormValues } from "./study-form-values";

type Props = {
  mode: "new" | "settings";
  action: (state: StudyFormState, form: FormData) => Promise<StudyFormState>;
  initial: FormValues;
  variables: VariableChoice[];
  variablesSource: string | null;
  timeZones: string[];
  slugLocked?: boolean;
};

const COLUMN = "settings.recruitmentColumns";

function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function StudyForm(props: Props) {
  const [state, action, pending] = useActionState<StudyFormState, FormData>(props.action, { ok: null });
  const values = state.ok === false ? state.values : props.initial;
  const [langText, setLangText] = useState(values.languages ?? "");
  const [defaultLang, setDefaultLang] = useState(values.defaultLanguage ?? "");
  const [statusVariable, setStatusVariable] = useState(values.statusVariable ?? "");
  const [slug, setSlug] = useState(values.slug ?? "");
  const [slugTouched, setSlugTouched] = useState(props.mode === "settings" || !!values.slug);
  const [columnCount, setColumnCount] = useState(Math.max(...rowIndexes(values, COLUMN).map((i) => i + 1), 0) + 1);
  const [columnVariables, setColumnVariables] = useState<Record<number, string>>(() =>
    Object.fromEntries(rowIndexes(values, COLUMN).map((i) => [i, values[`${COLUMN}.${i}.variable`] ?? ""])));
  const [clientIssues, setClientIssues] = useState<FieldIssue[]>([]);
  const [submits, setSubmits] = useState(0);

  const languages = [...new Set(languagesOf(langText))];
  const def = languages.includes(defaultLang) ? defaultLang : languages[0] ?? "";
  const ordered = def ? [def, ...languages.filter((l) => l !== def)] : languages;
  const failed = state.ok === false ? state : null;
  const issues = clientIssues.length ? clientIssues : failed?.issues ?? [];
  const errorOf = (path: string) => issues.filter((i) => i.path === path).map((i) => i.message).join(" ") || undefined;
  const summary = [
    ...(failed && !clientIssues.length && !failed.issues.length ? [{ message: failed.message }] : []),
    // An issue about the form as a whole, or a whole list, has no one field to link to.
    ...issues.map((i) => ({ field: /^(_|statusMapping|settings|settings\.recruitmentColumns)$/.test(i.path) ? undefined : i.path, message: i.message })),
  ];
  const byName = new Map(props.variables.map((v) => [v.name, v]));

  /** A labelled field: the input gets its id, name, first value and error description. */
  function field(name: string, label: string, input: (attrs: Record<string, unknown>) => ReactNode, hint?: string) {
    const error = errorOf(name);
    const described = [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;
    return (
      <div>
        <label htmlFor={name}>{label}</label>
        {hint && <p className="muted" id={`${name}-hint`} style={{ margin: "0 0 .25rem" }}>{hint}</p>}
        {input({ id: name, name, "aria-invalid": error ? true : undefined, "aria-describedby": described })}
        {error && <p className="field-error" id={`${name}-error`}>{error}</p>}
      </div>
    );
  }
  const text = (name: string, label: string, hint?: string, type = "text", onValue?: (v: string) => void) =>
    field(name, label, (a) => <input type={type} defaultValue={values[name] ?? ""} onChange={onValue && ((e) => onValue(e.target.value))} {...a} />, hint);
  // A new study's slug follows its name until it is edited.
  const followName = props.mode === "new" && !slugTouched ? (name: string) => setSlug(slugFromName(name)) : undefined;

  const status = byName.get(statusVariable);
  const mappingRows: { i: number; code: string; label?: string; target: string }[] = status?.options.length
    ? status.options.map((o, i) => ({
        i, code: o.code, label: o.label,
        target: rowIndexes(values, "statusMapping").map((r) => values[`statusMapping.${r}.code`] === o.code ? values[`statusMapping.${r}.target`] : "").find(Boolean) ?? "",
      }))
    : [...rowIndexes(values, "statusMapping").map((r) => ({ i: r, code: values[`statusMapping.${r}.code`] ?? "", target: values[`statusMapping.${r}.target`] ?? "" })).filter((r) => r.code),
       { i: 900, code: "", target: "" }, { i: 901, code: "", target: "" }, { i: 902, code: "", target: "" }];

  return (
    <ActionForm
      action={action}
      label={props.mode === "new" ? "New study" : "Study settings"}
      check={(onValid) => async (e) => {
        setSubmits((n) => n + 1);
        const form = e.currentTarget as HTMLFormElement;
        const found = checkStudyForm(Object.fromEntries([...new FormData(form)].filter(([, v]) => typeof v === "string")) as FormValues, props.mode);
        setClientIssues(found);
        if (!found.length) onValid();
      }}
    >
      <ErrorSummary items={summary} focusOn={[submits, state]} />

      <fieldset>
        <legend>Languages</legend>
        {field("languages", "Respondent languages", (a) => (
          <input {...a} value={langText} onChange={(e) => setLangText(e.target.value)} autoCapitalize="none" spellCheck={false} />
        ), "Language codes (BCP 47), separated by commas, e.g. uk, ru, nb, en")}
        {field("defaultLanguage", "Default language", (a) => (
          <select {...a} value={def} onChange={(e) => setDefaultLang(e.target.value)}>
            {languages.length === 0 && <option value="">(list the languages first)</option>}
            {languages.map((l) => <option key={l} value={l}>{languageName(l)} ({l})</option>)}
          </select>
        ), "Texts missing in a language are shown in this one")}
      </fieldset>

      {ordered.map((lang) => (
        <fieldset key={lang}>
          <legend>{languageName(lang)} ({lang}){lang === def ? ", default language" : ""}</legend>
          {text(`texts.${lang}.name`, "Study name", lang === def ? undefined : "Leave empty to use the default language's", "text", lang === def ? followName : undefined)}
          {field(`texts.${lang}.description`, "Short description", (a) => <textarea rows={2} defaultValue={values[`texts.${lang}.description`] ?? ""} {...a} />)}
          {text(`texts.${lang}.contactName`, "Contact name")}
          {text(`texts.${lang}.contactEmail`, "Contact email", undefined, "email")}
        </fieldset>
      ))}

      {field("slug", "Short name in links", (a) => (
        <input
          {...a}
          value={slug}
          readOnly={props.slugLocked}
          onChange={(e) => { setSlugTouched(true); setSlug(e.target.value); }}
          autoCapitalize="none" spellCheck={false}
        />
      ), props.slugLocked
        ? "The study has waves, and their links carry this name: it cannot change any more"
        : "Lower-case letters, digits and dashes, e.g. ua-norway; it appears in open links")}

      {field("settings.timeZone", "Time zone", (a) => (
        <>
          <input {...a} list="time-zones" defaultValue={values["settings.timeZone"] ?? ""} autoCapitalize="none" spellCheck={false} />
          <datalist id="time-zones">{props.timeZones.map((z) => <option key={z} value={z} />)}</datalist>
        </>
      ), "Where fieldwork happens (IANA name, e.g. Europe/Oslo): wave times and fieldwork days are in this zone")}

      {props.mode === "settings" && field("settings.smallCellThreshold", "Small-cell threshold", (a) => (
        <input {...a} inputMode="numeric" defaultValue={values["settings.smallCellThreshold"] ?? ""} placeholder="5" style={{ maxWidth: "8rem" }} />
      ), "De-identified exports hide frequency counts below this (2–100; empty: 5)")}

      <fieldset>
        <legend>Stayed, returned or moved on</legend>
        {field("statusVariable", "Status variable", (a) => props.variables.length ? (
          <select {...a} value={statusVariable} onChange={(e) => setStatusVariable(e.target.value)}>
            <option value="">(none yet)</option>
            {statusVariable && !byName.has(statusVariable) && <option value={statusVariable}>{statusVariable} (not in {props.variablesSource})</option>}
            {props.variables.map((v) => <option key={v.name} value={v.name}>{v.name}: {v.label.slice(0, 60)}</option>)}
          </select>
        ) : (
          <input {...a} value={statusVariable} onChange={(e) => setStatusVariable(e.target.value)} autoCapitalize="none" spellCheck={false} />
        ), props.variables.length
          ? `The question whose answer says where the person is now (variables of ${props.variablesSource})`
          : "May stay empty until the questionnaire is uploaded; then its variables are offered here")}
        {statusVariable && (
          <div key={statusVariable} className="stack-rows">
            <p className="muted" style={{ margin: 0 }}>How each answer code counts (codes left unmapped count as unknown):</p>
            {mappingRows.map((r, n) => (
              <div key={r.i} className="mapping-row" style={{ display: "flex", flexWrap: "wrap", gap: ".5rem", alignItems: "end" }}>
                {r.label !== undefined ? (
                  <input type="hidden" name={`statusMapping.${n}.code`} value={r.code} />
                ) : (
                  <div style={{ flex: "1 1 8rem" }}>
                    {text(`statusMapping.${n}.code`, `Answer code ${n + 1}`)}
                  </div>
                )}
                <div style={{ flex: "1 1 12rem" }}>
                  {field(`statusMapping.${n}.target`, r.label !== undefined ? `${r.label} (${r.code})` : `Counts as (code ${n + 1})`, (a) => (
                    <select {...a} defaultValue={r.target}>
                      <option value="">(not mapped)</option>
                      {TARGETS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
                    </select>
                  ))}
                </div>
              </div>
            ))}
          </div>
        )}
      </fieldset>

      {props.mode === "settings" && (
        <fieldset>
          <legend>Recruitment characteristics</legend>
          <p className="muted" style={{ marginTop: 0 }}>
            The variables that describe interviewees on the recruitment list and in reports (age group, length of stay…), each with the labels to print for its codes.
          </p>
          <input type="hidden" name={COLUMN} value="present" />
          {props.variables.length > 0 && (
            <datalist id="study-variables">{props.variables.map((v) => <option key={v.name} value={v.name}>{v.label.slice(0, 60)}</option>)}</datalist>
          )}
          {Array.from({ length: columnCount }, (_, i) => {
            const variable = byName.get(columnVariables[i] ?? "");
            const p = `${COLUMN}.${i}`;
            return (
              <fieldset key={i}>
                <legend>Characteristic {i + 1}</legend>
                {text(`${p}.label`, "Label", "As printed, e.g. Age group")}
                {text(`${p}.key`, "Key", "A letter, then letters, digits or _, e.g. age_group")}
                {field(`${p}.variable`, "Variable", (a) => (
                  <input {...a} list={props.variables.length ? "study-variables" : undefined} defaultValue={values[`${p}.variable`] ?? ""}
                    onChange={(e) => setColumnVariables((m) => ({ ...m, [i]: e.target.value }))} autoCapitalize="none" spellCheck={false} />
                ))}
                {field(`${p}.valueLabels`, "Printed value labels", (a) => (
                  <textarea rows={3} defaultValue={values[`${p}.valueLabels`] ?? ""} {...a} />
                ), `One per line as code = label, e.g. under_30 = <30. Codes not listed print the questionnaire's label.${
                  variable?.options.length ? ` Codes of ${variable.name}: ${variable.options.map((o) => `${o.code} (${o.label})`).join(", ")}.` : ""}`)}
              </fieldset>
            );
          })}
          <button type="button" className="secondary" onClick={() => setColumnCount((n) => n + 1)}>Add a characteristic</button>
        </fieldset>
      )}

      <div>
        <button type="submit" disabled={pending}>{pending ? "Saving…" : props.mode === "new" ? "Create the study" : "Save the settings"}</button>
      </div>
    </ActionForm>
  );
}
