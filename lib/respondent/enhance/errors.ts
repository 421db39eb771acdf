// Shows validation errors the way the server renders them: next to each field and in a
// summary at the top that takes focus.
const TITLES: Record<string, string> = { uk: "Будь ласка, виправте:", ru: "Пожалуйста, исправьте:", nb: "Rett opp dette:", en: "Please correct:" };

export function clearErrors(form: HTMLFormElement) {
  form.querySelectorAll(".err[data-client]").forEach((n) => n.remove());
  form.querySelectorAll(".has-err").forEach((n) => n.classList.remove("has-err"));
  document.getElementById("error-summary")?.remove();
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
  for (const [name, msg] of Object.entries(errors)) {
    const box = document.getElementById(`q-${name}`);
    if (box) {
      box.classList.add("has-err");
      const p = document.createElement("p");
      p.className = "err";
      p.dataset.client = "1";
      p.id = `q-${name}-err`;
      p.textContent = msg;
      const legend = box.querySelector(":scope > legend, :scope > label");
      (legend ?? box.firstChild)?.after(p);
      const ctrl = box.querySelector("input, textarea, select");
      ctrl?.setAttribute("aria-invalid", "true");
    }
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = `#q-${name}`;
    const label = box?.querySelector(":scope > legend, :scope > label")?.textContent?.replace(/\s*\*\s*$/, "").trim();
    a.textContent = label ? `${label}: ${msg}` : msg;
    li.append(a);
    ul.append(li);
  }
  form.before(summary);
  summary.focus();
}
