// A draft of the current page in localStorage, kept until the server has it: the draft
// records the revision it was typed against, and a page rendered with a newer revision drops it.
type Draft = { rev: string; values: [string, string][] };

export const draftKey = (path: string, page: string) => `pw:${path}:${page}`;

function store(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function saveDraft(form: HTMLFormElement, key: string, rev: string) {
  const values: [string, string][] = [];
  for (const [k, v] of new FormData(form).entries()) if (!k.startsWith("_") && typeof v === "string") values.push([k, v]);
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
    if (!el.name || el.name.startsWith("_") || !byName.has(el.name)) continue;
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
