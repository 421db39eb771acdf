// The respondent enhancement script: instant validation, show/hide of dependent questions,
// exclusive options, a local draft of the current page, and no double submits. Built by
// scripts/build-enhance.mjs from the same engine the server runs; the page works without it.
import type { Answers, Submission } from "../../surveys/answers";
import type { SurveyDefinition } from "../../surveys/definition";
import { type EntryContext, evaluateFlow } from "../../surveys/state";
import { validatePage } from "../../surveys/validate-page";
import { resolvedOptions } from "../../surveys/options";
import { collectDateParts } from "../../surveys/date-input";
import { visibleOptions } from "../../surveys/flow";
import { showErrors, clearErrors } from "./errors";
import { clearLinkDrafts, draftKey, restoreDraft, saveDraft, dropStaleDrafts } from "./draft";

/** What the page carries (pw-data); the definition comes from `definitionUrl`, cached by the browser. */
type PageData = {
  definitionUrl: string; preload: Answers; answers: Answers; page: string; lang: string; now: string; timeZone?: string;
  /** One repeat entry is shown: its answers are merged into `answers` and position(..) is this. */
  entry?: EntryContext;
};
type Data = PageData & { definition: SurveyDefinition };

function readSubmission(form: HTMLFormElement): Submission {
  const out: Record<string, string | string[]> = {};
  const multi = new Set<string>();
  for (const el of Array.from(form.querySelectorAll<HTMLInputElement>("input[type=checkbox]"))) multi.add(el.name);
  for (const [k, v] of new FormData(form).entries()) {
    if (k.startsWith("_") || typeof v !== "string") continue;
    if (multi.has(k)) (out[k] = (out[k] as string[] | undefined) ?? []) && (out[k] as string[]).push(v);
    else out[k] = v;
  }
  for (const name of multi) if (!(name in out)) out[name] = [];
  // Month and date fields ("<name>:month", …) make one value, as the server reads them.
  return collectDateParts(out);
}

function main() {
  // A completion or status page: this device forgets the link's drafts.
  if (document.querySelector("h1[data-status]")) return clearLinkDrafts(location.pathname);
  const form = document.getElementById("survey") as HTMLFormElement | null;
  const dataEl = document.getElementById("pw-data");
  if (!form || !dataEl) return;
  const pageId = form.dataset.page!;
  // Each page at its own URL (?p=, as the server redirects after a save), so the browser's Back
  // from the next page returns to this one and not to where the respondent stands now.
  const here = new URL(location.href);
  if (!here.searchParams.has("p")) {
    here.searchParams.set("p", pageId);
    history.replaceState(history.state, "", here.toString());
  }
  const rev = (form.elements.namedItem("_rev") as HTMLInputElement).value;
  // Each repeat entry keeps its own draft: one entry's typing never fills in another.
  const key = draftKey(location.pathname, form.dataset.entry ? `${pageId}:${form.dataset.entry}` : pageId);
  dropStaleDrafts(location.pathname, pageId, rev);
  const restored = restoreDraft(form, key, rev);

  // The definition is fetched at load (after the first page the browser's cache answers); the
  // engine starts on the first interaction once it is here. Until then, or if the fetch fails,
  // the page is the plain form the server drew: it validates and reveals on posting.
  const page = JSON.parse(dataEl.textContent || "{}") as PageData;
  let data: Data | null = null;
  let engine: { data: Data; base: ReturnType<typeof evaluateFlow> } | null = null;
  // An interaction (or a restored draft) came before the definition: refresh when it arrives.
  let stale = false;
  fetch(page.definitionUrl)
    .then((r) => (r.ok ? r.json() : Promise.reject(r.status)))
    .then((definition: SurveyDefinition) => {
      data = { ...page, definition };
      // Checks run in the browser from now on (tests wait for it before a quick first click).
      form.dataset.ready = "";
      if (stale) refresh();
    })
    // Without it, show what the page shows with no script at all (the noscript style's job).
    .catch(() => form.querySelectorAll<HTMLElement>("[data-cond]").forEach((el) => (el.hidden = false)));
  function start() {
    if (!engine && data) {
      engine = { data, base: evaluateFlow(data.definition, data.answers, data.preload, new Date(data.now), { timeZone: data.timeZone, ...(data.entry ? { entry: data.entry } : {}) }) };
    }
    return engine;
  }

  function refresh() {
    const e = start();
    stale = !e;
    if (!e) return null;
    const { data, base } = e;
    const submission = readSubmission(form!);
    const v = validatePage(data.definition, data.page, submission, base, data.lang);
    const visible = new Set(v.state.visibleQuestions[data.page] ?? []);
    for (const el of Array.from(form!.querySelectorAll<HTMLElement>("[data-q][data-type]"))) {
      if (el.closest("[data-q][data-type] [data-q]") === el) continue;
      el.hidden = !visible.has(el.dataset.q!);
    }
    for (const box of Array.from(form!.querySelectorAll<HTMLElement>('[data-type="single"],[data-type="multiple"]'))) {
      if (box.hidden) continue;
      const name = box.dataset.q!;
      const resolved = resolvedOptions(data.definition, v.state, name);
      const offered = new Set(resolved.map((o) => o.code));
      // A wording chosen by an answer on this same page (a label variant) follows it at once.
      const worded = resolved.some((o) => o.option.labelVariants?.length)
        ? new Map(visibleOptions(data.definition, v.state, name, data.lang).map((o) => [o.code, o.label]))
        : null;
      for (const input of Array.from(box.querySelectorAll<HTMLInputElement>(`:scope > .opt > input`))) {
        const opt = input.parentElement as HTMLElement;
        opt.hidden = !offered.has(input.value);
        if (opt.hidden) input.checked = false;
        const text = worded?.get(input.value);
        const label = opt.querySelector("label");
        if (text !== undefined && label && label.textContent !== text) label.textContent = text;
      }
    }
    // A specification with text counts as "other" (validatePage), so it is never hidden.
    for (const other of Array.from(form!.querySelectorAll<HTMLElement>("[data-other-for]"))) {
      other.hidden = !otherChoice(other.dataset.otherFor!)?.checked && !other.querySelector("input")!.value.trim();
    }
    return v;
  }

  const otherChoice = (q: string) => form.querySelector<HTMLInputElement>(`input[name="${CSS.escape(q)}"][value="other"]`);

  form.addEventListener("change", (e) => {
    const t = e.target as HTMLInputElement;
    // Unticking "other" takes its specification away with it.
    if (t.type === "checkbox" && t.value === "other" && !t.checked) {
      const spec = form.querySelector<HTMLInputElement>(`[data-other-for="${CSS.escape(t.name)}"] input`);
      if (spec) spec.value = "";
    }
    if (t.type === "checkbox" && t.checked) {
      const group = Array.from(form.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name="${CSS.escape(t.name)}"]`));
      if (t.hasAttribute("data-exclusive")) group.forEach((g) => g !== t && (g.checked = false));
      else group.forEach((g) => g.hasAttribute("data-exclusive") && (g.checked = false));
    }
    refresh();
    saveDraft(form, key, rev);
  });
  form.addEventListener("input", () => saveDraft(form, key, rev));

  let sending = false;
  form.addEventListener("submit", (e) => {
    const submitter = (e as SubmitEvent).submitter as HTMLButtonElement | null;
    if (sending) {
      e.preventDefault();
      return;
    }
    // A button without a name (the hidden default one above the language switcher) means "next".
    if (!submitter || !submitter.name || submitter.value === "next") {
      const v = refresh();
      if (v && !v.ok) {
        e.preventDefault();
        showErrors(form, v.errors, page.lang);
        return;
      }
    }
    clearErrors(form);
    sending = true;
    form.setAttribute("aria-busy", "true");
    // If the post never completes (lost connection), let the respondent try again.
    setTimeout(() => {
      sending = false;
      form.removeAttribute("aria-busy");
    }, 15000);
  });
  // A restored draft may reveal or hide questions; otherwise the server's rendering stands.
  if (restored) refresh();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", main);
else main();
