// Every researcher and admin screen of the demo study renders for an admin: 200, a heading, no
// script errors, and no WCAG 2.2 AA violations that axe can find.
import { expect, test } from "@playwright/test";
import { ADMIN, axeViolations, signIn } from "./helpers";

const S = "/studies/ua-norway";
const SCREENS = [
  S, `${S}/instruments`, `${S}/instruments/new`, `${S}/waves`, `${S}/waves/new`, `${S}/waves/wave-2`, `${S}/waves/emails`,
  `${S}/panel`, `${S}/recruitment`, `${S}/reports`, `${S}/exports`, "/admin", "/admin/audit", "/admin/mailbox", "/account", "/api-docs",
];

test("every staff screen renders for an admin, without script errors or axe violations", async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  // The page's own errors, not axe's: axe trying to inject itself into the sandboxed email
  // preview makes Chromium log "Blocked script execution", so nothing is recorded while it runs.
  let auditing = false;
  page.on("pageerror", (e) => !auditing && errors.push(`${page.url()}: ${e.message}`));
  page.on("console", (m) => !auditing && m.type() === "error" && errors.push(`${page.url()}: ${m.text()}`));
  await signIn(page, ADMIN, "/studies");
  const problems: string[] = [];
  for (const path of SCREENS) {
    const res = await page.goto(path);
    if (res?.status() !== 200) problems.push(`${path}: HTTP ${res?.status()}`);
    if (!(await page.getByRole("heading", { level: 1 }).count())) problems.push(`${path}: no h1`);
    // A sandboxed email preview runs no scripts, so axe cannot enter it (it would wait forever).
    await page.waitForLoadState("load");
    auditing = true;
    for (const v of await axeViolations(page, "iframe[sandbox]")) problems.push(`${path}: ${v}`);
    auditing = false;
  }
  expect([...problems, ...errors]).toEqual([]);
});
