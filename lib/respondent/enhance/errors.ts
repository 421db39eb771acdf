// Shows validation errors the way the server renders them: next to each field and in a
// summary at the top that takes focus.
const TITLES: Record<string, string> = { uk: "Будь ласка, виправте:", ru: "Пожалуйста, исправьте:", nb: "Rett opp dette:", en: "Please correct:" };
// The page title's prefix while errors show, as the server writes it (FINISH_MESSAGES.errorTitle).
const ERROR_TITLE: Record<string, string> = { uk: "Помилка: ", ru: "Ошибка: ", nb: "Feil: ", en: "Error: " };
let plainTitle: string | null = null;

export function clearErrors(form: HTMLFormElement) {
  form.querySelectorAll(".err[data-client]").forEach((n) => n.remove());
  form.querySelectorAll(".has-err").forEach((n) => n.classList.remove("has-err"));
  document.getElementById("error-summary")?.remove();
  if (plainTitle !== null) document.title = plainTitle;
}

export function showErrors(form: HTMLFormElement, errors: Record<string, string>, lang: string) {
  clearErrors(form);
  form.querySelectorAll(".err").forEach((n) => n.remove());
  const summary = document.createElement("div");
  summary.className = "summary";
  summary.id = "error-summary";
  summary.setAttribute("role", "alert");
  summary.tabIndex = -1;
  const h = document.createElement("h2");
  h.textContent = TITLES[lang] ?? TITLES.en;
  const ul = document.createElement("ul");
  summary.append(h, ul);
  const labelOf = (el: Element | null | undefined) => el?.querySelector(":scope > legend, :scope > label")?.textContent?.replace(/\s*\*\s*$/, "").trim();
  for (const [name, msg] of Object.entries(errors)) {
    const el = document.getElementById(`q-${name}`);
    // "Other, specify" is an input inside its question: its error goes next to it, named after both.
    const other = el?.closest<HTMLElement>("[data-other-for]");
    const box = other ?? el;
    if (box) {
      box.classList.add("has-err");
      box.hidden = false;
      const p = document.createElement("p");
      p.className = "err";
      p.dataset.client = "1";
      p.id = `q-${name}-err`;
      p.textContent = msg;
      const ctrl = box.querySelector("input, textarea, select");
      if (other) ctrl?.after(p);
      else (box.querySelector(":scope > legend, :scope > label") ?? box.firstChild)?.after(p);
      ctrl?.setAttribute("aria-invalid", "true");
      if (other) ctrl?.setAttribute("aria-describedby", p.id);
    }
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = `#q-${name}`;
    const label = other ? `${labelOf(other.closest("[data-q]"))} – ${labelOf(other)}` : labelOf(box);
    // A message that names its question (GOV.UK style) stands alone, as on the server.
    a.textContent = label && !msg.includes(label) ? `${label}: ${msg}` : msg;
    li.append(a);
    ul.append(li);
  }
  form.before(summary);
  const prefix = ERROR_TITLE[lang] ?? ERROR_TITLE.en;
  plainTitle = document.title.startsWith(prefix) ? document.title.slice(prefix.length) : document.title;
  document.title = prefix + plainTitle;
  summary.focus();
}
