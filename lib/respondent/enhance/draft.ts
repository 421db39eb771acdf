// A draft of the current page in localStorage, kept until the server has it: the draft
// records the revision it was typed against, and a page rendered with a newer revision drops it.
// Email addresses are never put in a draft (a shared phone would show them to the next person),
// and a link's drafts are removed on its completion and status pages.
type Draft = { rev: string; values: [string, string][] };

/** The part of the storage API drafts use (localStorage in the browser). */
export type DraftStore = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

export const draftKey = (path: string, page: string) => `pw:${path}:${page}`;

function store(): DraftStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The names of the form's email fields: never kept in a draft. */
function emailFields(form: HTMLFormElement): Set<string> {
  return new Set(Array.from(form.querySelectorAll<HTMLInputElement>("input[type=email]"), (el) => el.name));
}

/** What a draft keeps of a form's entries: text values, no control fields, no emails. Pure. */
export function draftValues(entries: Iterable<[string, unknown]>, skip: Set<string>): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of entries) if (!k.startsWith("_") && !skip.has(k) && typeof v === "string") out.push([k, v]);
  return out;
}

export function saveDraft(form: HTMLFormElement, key: string, rev: string) {
  const values = draftValues(new FormData(form).entries(), emailFields(form));
  try {
    store()?.setItem(key, JSON.stringify({ rev, values } satisfies Draft));
  } catch {}
}

/** Restores a draft typed against this same revision (its submit never reached the server). */
export function restoreDraft(form: HTMLFormElement, key: string, rev: string): boolean {
  const raw = store()?.getItem(key);
  if (!raw) return false;
  let d: Draft;
  try {
    d = JSON.parse(raw);
  } catch {
    return false;
  }
  if (d.rev !== rev) {
    store()?.removeItem(key);
    return false;
  }
  const byName = new Map<string, string[]>();
  for (const [k, v] of d.values) byName.set(k, [...(byName.get(k) ?? []), v]);
  for (const el of Array.from(form.elements) as HTMLInputElement[]) {
    if (!el.name || el.name.startsWith("_") || el.type === "email" || !byName.has(el.name)) continue;
    const vals = byName.get(el.name)!;
    if (el.type === "radio" || el.type === "checkbox") el.checked = vals.includes(el.value);
    else el.value = vals[vals.length - 1];
  }
  return true;
}

/** Removes drafts of this link saved against an older revision: the server has those answers. */
export function dropStaleDrafts(path: string, page: string, rev: string) {
  const s = store();
  if (!s) return;
  for (let i = s.length - 1; i >= 0; i--) {
    const k = s.key(i);
    if (!k || !k.startsWith(`pw:${path}:`) || k === draftKey(path, page)) continue;
    try {
      if (Number(JSON.parse(s.getItem(k) || "{}").rev) < Number(rev)) s.removeItem(k);
    } catch {
      s.removeItem(k);
    }
  }
}

/**
 * Removes every draft of the personal link that `path` belongs to (/s/<token>, /s/<token>/withdraw):
 * called on its completion and status pages, so neither answers nor the link stay on the device.
 */
export function clearLinkDrafts(path: string, s: DraftStore | null = store()) {
  const link = /^\/s\/[^/]+/.exec(path)?.[0];
  if (!link || !s) return;
  for (let i = s.length - 1; i >= 0; i--) {
    const k = s.key(i);
    if (k && k.startsWith(`pw:${link}:`)) s.removeItem(k);
  }
}
