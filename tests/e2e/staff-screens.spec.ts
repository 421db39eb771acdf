// Every staff screen on a 360 px phone and a 1280 px desktop, signed in as the admin: it answers
// 200 with a heading and no script errors, never scrolls sideways, has no axe (WCAG 2.2 AA)
// violations, and its buttons and header links are 44 px targets. Adding a page is one line in
// SCREENS. Then the forms: the error summary takes focus, and the forms work without scripts.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { ADMIN, axeViolations, signIn } from "./helpers";

const S = "/studies/ua-norway";
const AUTH = ".e2e/staff-screens-admin.json";

/**
 * A screen: a fixed path, one found by following the first link matching `link` on `from` (a
 * version id, a mailbox message id), or one a `find` step reaches (a form's result page). `fixme`:
 * known to fail at that width; the reason says what failed, so the entry can be switched on by deleting it.
 */
type Screen = {
  name: string; path?: string; from?: string; link?: string; find?: (page: Page) => Promise<string>;
  fixme?: Partial<Record<360 | 1280, string>>; prepare?: (page: Page) => Promise<void>;
};

/** Puts a message in the local mailbox when it is empty: a password-reset request for the admin. */
async function mailboxMessage(page: Page) {
  await page.goto("/admin/mailbox");
  if (await page.locator("tbody a[href^='/admin/mailbox/']").count()) return;
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByRole("button", { name: "Send a reset link" }).click();
  await expect(page.getByRole("status")).toContainText("Check your inbox");
}

/** A wave that has not opened yet (the demo has none), so its edit and delete pages exist. */
const LATER = `${S}/waves/screens-later`;
async function scheduledWave(page: Page) {
  // Asked without the page, so the first 404 is not a console error of the screen under test.
  if ((await page.request.get(LATER)).status() === 200) return;
  await page.goto(`${S}/waves/new`);
  await page.getByLabel("Name", { exact: true }).fill("Screens: a later wave");
  await page.getByLabel("Short name in links").fill("screens-later");
  await page.getByLabel(/^Opens \(/).fill("2032-01-10T09:00");
  await page.getByLabel(/^Closes \(/).fill("2032-02-28T23:00");
  await page.getByRole("button", { name: "Schedule the wave" }).click();
  await expect(page).toHaveURL(new RegExp(`${LATER}$`));
}

/** The import's dry-run preview of a file with a refused row: its own URL (?draft=…). */
async function importPreview(page: Page): Promise<string> {
  await page.goto(`${S}/panel/import`);
  const rows = ["email,language,code,consent_date,consent_follow_up_surveys", `screens-${Date.now()}@example.org,en,,2024-05-01,yes`, "not-an-email,en,,,yes"];
  await page.locator("#file").setInputFiles({ name: "screens.csv", mimeType: "text/csv", buffer: Buffer.from(`${rows.join("\n")}\n`) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page).toHaveURL(/draft=/);
  return new URL(page.url()).pathname + new URL(page.url()).search;
}

/** "Send myself a test": the page showing that message. */
async function testMessage(page: Page): Promise<string> {
  await page.goto(`${S}/waves/emails?template=invitation&lang=en`);
  await page.getByRole("button", { name: "Send myself a test" }).click();
  await expect(page).toHaveURL(/\/waves\/emails\/test\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

const SCREENS: Screen[] = [
  { name: "studies list", path: "/studies" },
  { name: "new study", path: "/studies/new" },
  { name: "study page", path: S },
  { name: "study settings", path: `${S}/settings` },
  { name: "instruments list", path: `${S}/instruments` },
  { name: "instrument version", from: `${S}/instruments`, link: "table a[href*='/instruments/']" },
  { name: "instrument preview", from: `${S}/instruments`, link: "table a[href*='/instruments/']", path: "/preview" },
  { name: "instrument upload", path: `${S}/instruments/new` },
  { name: "waves list", path: `${S}/waves` },
  { name: "new wave", path: `${S}/waves/new` },
  { name: "wave page", path: `${S}/waves/wave-2` },
  { name: "open-link wave page", path: `${S}/waves/refresh` },
  { name: "closed wave page", path: `${S}/waves/wave-1` },
  { name: "flyer", path: `${S}/waves/refresh/flyer` },
  { name: "wave not yet open", path: LATER, prepare: scheduledWave },
  { name: "wave edit", path: `${LATER}/edit`, prepare: scheduledWave },
  { name: "wave delete", path: `${LATER}/delete`, prepare: scheduledWave },
  { name: "wave emails", path: `${S}/waves/emails` },
  { name: "test message", find: testMessage },
  { name: "panel", path: `${S}/panel` },
  { name: "panel import", path: `${S}/panel/import` },
  { name: "panel import preview", find: importPreview },
  { name: "person", from: `${S}/panel`, link: "table a[href*='/panel/people/']" },
  { name: "trajectories", path: `${S}/panel/trajectories` },
  { name: "recruitment", path: `${S}/recruitment` },
  { name: "interview request", from: `${S}/recruitment`, link: "table a[href*='/recruitment/request/']" },
  { name: "reports", path: `${S}/reports` },
  { name: "exports", path: `${S}/exports` },
  { name: "account", path: "/account" },
  { name: "API docs", path: "/api-docs" },
  { name: "admin", path: "/admin" },
  { name: "users", path: "/admin/users" },
  { name: "user", from: "/admin/users", link: "table a[href^='/admin/users/']" },
  { name: "audit log", path: "/admin/audit" },
  { name: "mailbox", path: "/admin/mailbox" },
  { name: "mailbox message", from: "/admin/mailbox", link: "tbody a[href^='/admin/mailbox/']", prepare: mailboxMessage },
  // Signed-out pages a staff member meets: an invitation's link (the token's shape is enough to draw the form).
  { name: "set password", path: `/set-password?token=${"x".repeat(32)}` },
  { name: "set password, bad link", path: "/set-password" },
];

const WIDTHS = [
  { name: "phone", use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } },
  { name: "desktop", use: { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 } },
];

// Sign in once per worker (a failed test starts a new one); every test reuses the session.
test.beforeAll(async ({ browser }) => {
  // An empty state: contexts made here would otherwise read the file this hook is about to write.
  const page = await browser.newPage({ storageState: { cookies: [], origins: [] } });
  await signIn(page, ADMIN, "/studies");
  await page.context().storageState({ path: AUTH });
  await page.close();
});
test.use({ storageState: AUTH });

/** The path of a screen, following its link when it has one. */
async function pathOf(page: Page, s: Screen): Promise<string> {
  if (s.find) return s.find(page);
  if (!s.from) return s.path!;
  let href: string | null = null;
  await expect
    .poll(async () => {
      await page.goto(s.from!);
      const a = page.locator(s.link!).first();
      href = (await a.count()) ? await a.getAttribute("href") : null;
      return href;
    }, { timeout: 30_000, message: `a link ${s.link} on ${s.from}` })
    .not.toBeNull();
  return `${href}${s.path ?? ""}`;
}

/** The outermost elements reaching past the right edge: what makes a page scroll sideways. */
async function widest(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const edge = document.documentElement.clientWidth + 1;
    const over = (e: Element | null) => !!e && e.getBoundingClientRect().right > edge;
    return [...document.querySelectorAll("body *")]
      .filter((e) => over(e) && !over(e.parentElement) && getComputedStyle(e).position !== "absolute")
      .slice(0, 4)
      .map((e) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === "string" ? `.${e.className.trim().split(/\s+/).join(".")}` : ""} "${(e.textContent ?? "").trim().slice(0, 40)}" ${Math.round(e.getBoundingClientRect().width)}px`);
  });
}

/** Buttons, button-styled links and header links smaller than 44 × 44 px (visible ones only). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const els = [...document.querySelectorAll<HTMLElement>("main button, main .button, main input[type=submit], header a, header button")];
    return els
      .filter((e) => e.offsetParent !== null && !e.closest("[hidden]"))
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.height < 44 || r.width < 44)
      .map(({ e, r }) => `${e.tagName.toLowerCase()} "${(e.textContent ?? "").trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
  });
}

for (const width of WIDTHS) {
  test.describe(`at ${width.use.viewport.width} px`, () => {
    test.use(width.use);
    for (const s of SCREENS) {
      test(`${s.name} fits, is axe-clean and has 44 px targets`, async ({ page }) => {
        const known = s.fixme?.[width.use.viewport.width as 360 | 1280];
        test.fixme(!!known, known);
        const errors: string[] = [];
        // axe trying to enter a sandboxed email preview makes Chromium log "Blocked script
        // execution": only the page's own errors count, not those while axe runs.
        let auditing = false;
        page.on("pageerror", (e) => !auditing && errors.push(`script error: ${e.message}`));
        // Chromium may log that message a moment after axe is done, so it is left out by its words too
        // (the preview is sandboxed on purpose and holds no script of its own).
        const axeInSandbox = (text: string) => /^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/.test(text);
        page.on("console", (m) => !auditing && m.type() === "error" && !axeInSandbox(m.text()) && errors.push(`console error: ${m.text()}`));
        await s.prepare?.(page);
        const path = await pathOf(page, s);
        const res = await page.goto(path);
        await page.waitForLoadState("load");
        const problems: string[] = [];
        if (res?.status() !== 200) problems.push(`HTTP ${res?.status()}`);
        if (!(await page.getByRole("heading", { level: 1 }).count())) problems.push("no h1");
        const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
        if (scrollWidth > clientWidth) problems.push(`scrolls sideways: ${scrollWidth} > ${clientWidth}, from ${(await widest(page)).join("; ")}`);
        auditing = true;
        // A sandboxed email preview runs no scripts, so axe cannot enter it (it would wait forever).
        for (const v of await axeViolations(page, "iframe[sandbox]")) problems.push(`axe ${v}`);
        auditing = false;
        for (const t of await smallTargets(page)) problems.push(`small target: ${t}`);
        expect([...problems, ...errors], path).toEqual([]);
      });
    }
  });
}

test.describe("the header on a phone", () => {
  test.use(WIDTHS[0].use);
  test("has a skip link to the content and marks the current section", async ({ page }) => {
    await page.goto(`${S}/exports`);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Studies" })).toHaveAttribute("aria-current", "true");
    await nav.getByRole("link", { name: "Account" }).click();
    await expect(nav.getByRole("link", { name: "Account" })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "Studies" })).not.toHaveAttribute("aria-current");
  });
});

test.describe("form errors", () => {
  test.use(WIDTHS[0].use);
  test("the upload form's summary takes focus and links to the field", async ({ page }) => {
    await page.goto(`${S}/instruments/new`);
    await page.getByRole("button", { name: "Upload" }).click();
    const summary = page.locator(".error-summary");
    await expect(summary).toBeFocused();
    await page.waitForTimeout(300);
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link", { name: "Choose a file" })).toHaveAttribute("href", "#file");
    await expect(page.getByLabel("File", { exact: true })).toHaveAttribute("aria-invalid", "true");
  });

  test("the export form's summary takes focus when no wave is chosen", async ({ page }) => {
    await page.goto(`${S}/exports`);
    const waves = page.getByRole("group", { name: "Waves" }).getByRole("checkbox");
    for (let i = 0; i < (await waves.count()); i++) await waves.nth(i).uncheck();
    await page.getByRole("button", { name: "Download responses" }).click();
    const summary = page.locator(".error-summary");
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link")).toHaveText(["Choose at least one wave"]);
  });

  test("the token form's summary takes focus when the name is missing", async ({ page }) => {
    await page.goto("/account");
    await page.getByRole("button", { name: "Create token" }).click();
    const summary = page.locator(".error-summary");
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link").first()).toHaveAttribute("href", "#token-name");
  });
});

test.describe("signed out", () => {
  test.use({ ...WIDTHS[0].use, storageState: { cookies: [], origins: [] } });
  test("the sign-in form's summary takes focus, not the first field (react-hook-form's own focus)", async ({ page }) => {
    await page.goto("/signin");
    await page.getByRole("button", { name: "Sign in" }).click();
    const summary = page.locator(".error-summary");
    await expect(summary).toBeFocused();
    // Still focused once react-hook-form's deferred focus on the first field has run.
    await page.waitForTimeout(300);
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link").first()).toHaveAttribute("href", "#email");
  });
});

test.describe("without JavaScript", () => {
  test.use({ ...WIDTHS[0].use, javaScriptEnabled: false });
  test("the export form downloads with the chosen options as a plain GET", async ({ page }) => {
    await page.goto(`${S}/exports`);
    await page.getByLabel("Long: one row per participant and wave").check();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download responses" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^ua-norway-long-.*\.csv$/);
    const [codebook] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Codebook" }).click()]);
    expect(codebook.suggestedFilename()).toMatch(/codebook/);
  });

  test("a questionnaire upload shows every problem of a refused file, then saves a good one", async ({ page }) => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("survey").addRows([["type", "name", "label::English (en)"], ["select_one nowhere", "where_now", "Where?"]]);
    wb.addWorksheet("choices").addRows([["list_name", "name", "label::English (en)"], ["where", "stayed", "Norway"]]);
    const bad = join(mkdtempSync(join(tmpdir(), "pw-e2e-plain-")), "plain-broken.xlsx");
    writeFileSync(bad, Buffer.from(await wb.xlsx.writeBuffer()));
    const name = `No-script upload ${Date.now()}`;

    await page.goto(`${S}/instruments/new`);
    await page.getByLabel("Instrument", { exact: true }).selectOption("A new instrument…");
    await page.getByLabel(/^Name of the new instrument/).fill(name);
    await page.getByLabel("File", { exact: true }).setInputFiles(bad);
    await page.getByRole("button", { name: "Upload" }).click();
    await expect(page).toHaveURL(/\/instruments\/new\?/);
    await expect(page.locator("#file-problems tbody tr").filter({ hasText: '"nowhere"' })).toHaveText(/survey\s*2\s*type/);
    await expect(page.locator(".error-summary")).toContainText(/plain-broken.xlsx has \d+ problems?/);
    await expect(page.getByLabel(/^Name of the new instrument/)).toHaveValue(name);

    await page.getByLabel("File", { exact: true }).setInputFiles(resolve("db/seed/forms/wave2.xlsx"));
    await page.getByRole("button", { name: "Upload" }).click();
    await expect(page).toHaveURL(/\/instruments\/[0-9a-f-]{36}\?uploaded=created/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${name} – version 1`);
    await expect(page.getByText("wave2.xlsx had no warnings.").or(page.locator("#upload-warnings"))).toBeVisible();
  });

  test("Count the panel answers with the form as typed; Open now and Close now ask first, then post", async ({ page }) => {
    const slug = `plain-${Date.now().toString(36)}`;
    await page.goto(`${S}/waves/new`);
    await page.getByLabel("Name", { exact: true }).fill("Plain wave");
    await page.getByLabel("Short name in links").fill(slug);
    await page.getByLabel("Consent the panel must have given").selectOption({ label: "Follow-up surveys" });
    await page.getByRole("button", { name: "Count the panel" }).click();
    await expect(page.getByRole("status").filter({ hasText: /would be invited now/ })).toHaveText(/^\d+ participants? would be invited now\.$/);
    // Nothing saved; the form comes back with what was typed.
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Plain wave");
    await expect(page.getByLabel("Short name in links")).toHaveValue(slug);
    expect((await page.request.get(`${S}/waves/${slug}`)).status()).toBe(404);

    // An open-link wave (opening it sends nobody a message), in the future: scheduled.
    await page.getByLabel("An open link (recruitment)").check();
    await page.getByLabel(/^Opens \(/).fill("2032-03-01T09:00");
    await page.getByLabel(/^Closes \(/).fill("2032-04-30T23:00");
    await page.getByRole("button", { name: "Schedule the wave" }).click();
    await expect(page).toHaveURL(new RegExp(`/waves/${slug}$`));
    // The edit form shows the wave's values without a script.
    await page.getByRole("link", { name: "Change the wave" }).click();
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Plain wave");
    await expect(page.getByLabel(/^Opens \(/)).toHaveValue("2032-03-01T09:00");
    await page.goto(`${S}/waves/${slug}`);

    // Nothing happens on the first click: it only shows what will happen and the real button.
    await expect(page.getByRole("button", { name: "Open now", exact: true })).toBeHidden();
    await page.getByText("Open now…").click();
    await expect(page.getByText("The wave opens now and its invitations are sent now.")).toBeVisible();
    await page.getByRole("button", { name: "Open now", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/waves/${slug}\\?done=opened$`));
    await expect(page.getByRole("status").filter({ hasText: "The wave is open" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("open");

    await page.getByText("Close now…").click();
    await page.getByRole("button", { name: "Close now", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/waves/${slug}\\?done=closed`));
    await expect(page.getByRole("status").filter({ hasText: "The wave is closed." })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("closed");
  });

  test("a person's notes on the recruitment board are saved from their row, and audited", async ({ page }) => {
    await page.goto(`${S}/recruitment`);
    // Dates are in the study's zone, which the column names.
    await expect(page.locator("table.stack-table thead th").filter({ hasText: "Dates" })).toHaveText("Dates (Europe/Oslo)");
    const row = page.locator("table.stack-table tbody tr").first();
    const code = (await row.locator("td[data-label='Participant'] code").textContent())!.trim();
    const note = `Call after 6 pm (${Date.now()})`;
    await row.locator("details.notes-edit > summary").click();
    await row.getByRole("textbox", { name: `Notes for ${code}` }).fill(note);
    await row.getByRole("button", { name: "Save notes" }).click();
    await expect(page).toHaveURL(/\/recruitment\?done=notes&n=1$/);
    await expect(page.getByRole("status")).toHaveText("Notes saved.");
    const saved = page.locator("table.stack-table tbody tr").filter({ has: page.locator("code", { hasText: code }) });
    await expect(saved.locator("td[data-label='Notes']")).toContainText(note);
    await saved.locator("details.notes-edit > summary", { hasText: "Edit notes" }).click();
    await expect(saved.getByRole("textbox", { name: `Notes for ${code}` })).toHaveValue(note);

    await page.goto("/admin/audit?action=recruitment.note");
    await expect(page.locator("table.stack-table tbody tr").filter({ hasText: code }).first()).toContainText("replaced");
  });

  test("a recruitment rule form is refused with its fields named and kept, then saved", async ({ page }) => {
    await page.goto(`${S}/recruitment`);
    await page.locator("summary", { hasText: "New rule" }).click();
    let form = page.getByRole("form", { name: "New rule" });
    await form.getByLabel("Consent that must be granted (latest answer)").fill("Not A Kind");
    await form.getByRole("button", { name: "Create rule" }).click();
    // The page comes back with the refusal, the form still open.
    form = page.getByRole("form", { name: "New rule" });
    await expect(form.locator(".error-summary").getByRole("link")).toHaveText(["Give the rule a name", "A consent kind is lower-case letters, digits and _"]);
    await expect(form.getByLabel("Consent that must be granted (latest answer)")).toHaveValue("Not A Kind");
    await expect(form.getByLabel("Returned")).toBeChecked();
    await form.getByLabel("Name", { exact: true }).fill(`No-script leavers ${Date.now()}`);
    await form.getByLabel("Consent that must be granted (latest answer)").fill("interview_contact");
    await form.getByRole("button", { name: "Create rule" }).click();
    await expect(page.getByRole("status").filter({ hasText: /^Saved\. \d+ flagged/ })).toHaveCount(1);
  });

  test("a token is created and shown once", async ({ page }) => {
    await page.goto("/account");
    await page.getByLabel("Token name").fill(`no-script ${Date.now()}`);
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.locator("#new-token")).toHaveText(/\S{20,}/);
  });
});
