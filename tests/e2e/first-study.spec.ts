// A new research team's first study, in the browser only, no API and no seed data used: the admin
// invites a researcher, who sets a password from the emailed link, creates a study, uploads an
// XLSForm, imports a panel from CSV (one bad row named by the preview, fixed, re-uploaded),
// schedules a wave opening now; the worker sends the invitations to the local mailbox, a
// respondent answers from the emailed link on a phone, the counts rise on the wave page, the
// report shows the question and the export has the respondent's row. Every staff page on the way
// is checked at 360 px and 1280 px for sideways scrolling and with axe.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { devices, expect, test, type Page } from "@playwright/test";
import { ADMIN, answerToTheEnd, axeViolations, signIn } from "./helpers";

const stamp = Date.now().toString(36);
const RESEARCHER = { email: `first-team-${stamp}@example.org`, password: "our first study's password" };
const RESPONDENT = `respondent-${stamp}@example.org`;
const CODE = `FS-${stamp.toUpperCase()}`;
const ZONE = "Europe/Oslo"; // the new study form's default zone

/** Sideways scrolling and axe findings of the page at 360 and 1280 px, collected; back to `width` after. */
async function checkScreen(page: Page, problems: string[], width = 1280) {
  const where = new URL(page.url()).pathname;
  for (const w of [360, 1280]) {
    await page.setViewportSize({ width: w, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) problems.push(`${where} at ${w} px: ${overflow} px too wide`);
    for (const v of await axeViolations(page, "iframe")) problems.push(`${where} at ${w} px: ${v}`);
  }
  await page.setViewportSize({ width, height: 800 });
}

/** The newest local-mailbox message to `to` whose subject matches, opened; returns its plain-text body. */
async function openMail(page: Page, to: string, subject: RegExp): Promise<string> {
  const row = page.locator("tbody tr", { hasText: to }).filter({ hasText: subject });
  await expect.poll(async () => {
    await page.goto("/admin/mailbox");
    return row.count();
  }, { timeout: 60_000, intervals: [500, 1000, 2000] }).toBeGreaterThan(0);
  await row.first().getByRole("link").click();
  await expect(page.locator("pre").last()).not.toBeEmpty();
  return (await page.locator("pre").last().textContent())!;
}

/** "YYYY-MM-DDTHH:mm" of an instant in the study's zone (a datetime-local value). */
const wallTime = (at: Date) => new Intl.DateTimeFormat("sv-SE", { timeZone: ZONE, dateStyle: "short", timeStyle: "short" }).format(at).replace(" ", "T");

const csv = (rows: string[]) => ({ name: "our-panel.csv", mimeType: "text/csv", buffer: Buffer.from(`${rows.join("\n")}\n`) });

test("a new research team's first study, in the browser only, no API and no seed data used", async ({ page: admin, browser }) => {
  test.setTimeout(240_000);
  const problems: string[] = [];
  await admin.setViewportSize({ width: 1280, height: 800 });

  // 1. The admin invites the researcher.
  await signIn(admin, ADMIN, "/admin/users");
  await checkScreen(admin, problems);
  await admin.getByLabel("Email").fill(RESEARCHER.email);
  await admin.getByLabel("Name").fill("Rita Researcher");
  await admin.getByLabel("Role").selectOption("researcher");
  await admin.getByRole("button", { name: "Send the invitation" }).click();
  await expect(admin.getByRole("status")).toContainText(`Invitation sent to ${RESEARCHER.email}`);

  // 2. The admin opens the set-password email in the local mailbox.
  const invitation = await openMail(admin, RESEARCHER.email, /invited/);
  await checkScreen(admin, problems);
  const setPassword = new URL(/https?:\/\/\S+\/set-password\?token=[A-Za-z0-9_-]+/.exec(invitation)![0]);

  // 3. The researcher, in their own browser: a password, then a new study.
  const rc = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const me = await rc.newPage();
  await me.goto(`${setPassword.pathname}${setPassword.search}`);
  await me.getByLabel("Password (at least 10 characters)").fill(RESEARCHER.password);
  await me.getByLabel("Repeat it").fill(RESEARCHER.password);
  await me.getByRole("button", { name: "Save my password and sign in" }).click();
  await expect(me).toHaveURL(/\/studies$/);
  await checkScreen(me, problems);
  await me.getByRole("link", { name: "New study" }).click();
  await expect(me).toHaveURL(/\/studies\/new$/);
  await checkScreen(me, problems);
  await me.locator('[id="texts.en.name"]').fill(`First study ${stamp}`);
  await me.getByRole("form", { name: "New study" }).getByRole("button", { name: "Create the study" }).click();
  await expect(me).toHaveURL(new RegExp(`/studies/first-study-${stamp}$`));
  const study = new URL(me.url()).pathname;
  const setup = me.getByRole("region", { name: "Set up the study" });
  await expect(setup.locator('li[data-done="true"]')).toHaveCount(0);
  await checkScreen(me, problems);

  // 4. The questionnaire, from the checklist (a wave asked for too early says where to go).
  await expect(setup.getByRole("link", { name: "Upload an XLSForm" })).toHaveAttribute("href", `${study}/instruments/new`);
  await me.goto(`${study}/waves/new`);
  await me.getByRole("link", { name: "Upload an XLSForm first" }).click();
  await expect(me).toHaveURL(/\/instruments\/new$/);
  await checkScreen(me, problems);
  await me.getByLabel("Name of the new instrument").fill("First wave");
  await me.getByLabel("File", { exact: true }).setInputFiles(resolve("tests/fixtures/forms/good-minimal.xlsx"));
  await me.getByRole("button", { name: "Upload" }).click();
  await expect(me).toHaveURL(/\/instruments\/[0-9a-f-]{36}\?uploaded=created/);
  await expect(me.getByRole("heading", { level: 1 })).toContainText("First wave");
  await checkScreen(me, problems);

  // 5. The panel, from the checklist: one bad row, named by row and column; fixed; confirmed.
  await me.getByRole("link", { name: `Back to First study ${stamp} (next steps)` }).click();
  await expect(setup.locator('li[data-step="questionnaire"]')).toHaveAttribute("data-done", "true");
  await setup.getByRole("link", { name: "Import panel members" }).click();
  await expect(me).toHaveURL(/\/panel\/import$/);
  await expect(me.getByRole("heading", { level: 1, name: "Import the panel" })).toBeVisible();
  await checkScreen(me, problems);
  const header = "email,language,code,consent_date,consent_follow_up_surveys";
  const good = `${RESPONDENT},en,${CODE},2024-05-01,yes`;
  await me.locator("#file").setInputFiles(csv([header, good, `not-an-email,en,${CODE}-2,2024-05-02,yes`]));
  await me.getByRole("button", { name: "Check the file" }).click();
  await expect(me.getByRole("heading", { name: "Preview of our-panel.csv" })).toBeVisible();
  const bad = me.locator("#file-problems tbody tr");
  await expect(bad).toHaveCount(1);
  await expect(bad.locator('td[data-label="Row"]')).toHaveText("3");
  await expect(bad.locator('td[data-label="Column"]')).toHaveText("email");
  await expect(me.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  await checkScreen(me, problems);
  await me.locator("#file").setInputFiles(csv([header, good, `second-${stamp}@example.org,en,${CODE}-2,2024-05-02,yes`]));
  await me.getByRole("button", { name: "Check the corrected file" }).click();
  await expect(me.locator("#file-problems")).toHaveCount(0);
  await me.getByRole("button", { name: "Import 2 people" }).click();
  await expect(me.getByRole("status")).toContainText("Imported 2 people");
  await checkScreen(me, problems);
  await me.getByRole("link", { name: "See the panel" }).click();
  await expect(me.locator('table[aria-labelledby="people-title"] tbody tr')).toHaveCount(2);
  await expect(me.getByRole("link", { name: CODE, exact: true })).toBeVisible();
  await checkScreen(me, problems);
  await me.goBack();

  // 6. A wave opening now (in the study's zone), from the checklist; the worker invites the panel.
  await me.getByRole("link", { name: "Back to the study (next: schedule a wave)" }).click();
  await expect(setup.locator('li[data-done="true"]')).toHaveCount(2);
  await setup.getByRole("link", { name: "Schedule a wave" }).click();
  await expect(me.getByRole("heading", { level: 1, name: "New wave" })).toBeVisible();
  await checkScreen(me, problems);
  await me.getByLabel("Name", { exact: true }).fill("Wave 1");
  await me.getByLabel("Short name in links").fill("wave-1");
  const opened = new Date();
  await me.getByLabel(`Opens (${ZONE} time)`).fill(wallTime(opened));
  // Left without a closing time, the default closing reminder is refused, saying both ways out.
  await me.getByRole("button", { name: "Schedule the wave" }).click();
  await expect(me.locator(".error-summary")).toBeFocused();
  await expect(me.locator("#closingReminderDaysBefore-error")).toHaveText("A closing reminder needs a closing time: give one, or leave this field empty");
  await me.getByLabel(`Closes (${ZONE} time, optional)`).fill(wallTime(new Date(Date.now() + 14 * 86_400_000)));
  await me.getByRole("button", { name: "Count the panel" }).click();
  await expect(me.getByText("2 participants would be invited now.")).toBeVisible();
  await me.getByRole("button", { name: "Schedule the wave" }).click();
  await expect(me).toHaveURL(new RegExp(`${study}/waves/wave-1$`));
  const totals = me.getByRole("table", { name: "Fieldwork totals" });
  const total = (label: string) => totals.locator(`td[data-label="${label}"]`);
  await expect.poll(async () => {
    await me.reload();
    return total("Invited").textContent();
  }, { timeout: 60_000, intervals: [500, 1000, 2000] }).toBe("2");
  await expect(me.locator("h1 .badge")).toHaveText("open");
  await checkScreen(me, problems);

  // 7. The admin sees the invitations in the local mailbox; the respondent answers on a phone.
  const mail = await openMail(admin, RESPONDENT, /./);
  const personal = /\/s\/[A-Za-z0-9_-]{20,}/.exec(mail)?.[0];
  expect(personal, "the personal link in the invitation").toBeDefined();
  await admin.goto("/admin/mailbox");
  await expect(admin.locator("tbody tr", { hasText: `second-${stamp}@example.org` })).toHaveCount(1);
  const phone = await browser.newContext({ ...devices["Pixel 7"] });
  const respondent = await phone.newPage();
  await respondent.goto(personal!);
  await answerToTheEnd(respondent);
  await phone.close();

  // 8. The counts rise on the wave page (it refreshes itself while the wave is open).
  await expect(total("Completed")).toHaveText("1", { timeout: 30_000 });
  await expect(total("Started")).toHaveText("1");
  // The study page: the checklist is done, the wave is linked, its times in the study's zone.
  await me.goto(study);
  await expect(setup).toHaveCount(0);
  const row = me.locator('tr[data-wave="wave-1"]');
  await expect(row.locator('td[data-count="completed"]')).toHaveText("1");
  await expect(me.getByRole("columnheader", { name: `Opens (${ZONE})` })).toBeVisible();
  await expect(row.locator(`td[data-label="Opens (${ZONE})"]`)).toHaveText(wallTime(opened).replace("T", " "));
  await checkScreen(me, problems);
  await row.getByRole("link", { name: "Wave 1" }).click();
  await expect(me).toHaveURL(new RegExp(`${study}/waves/wave-1$`));

  // 9. The report shows the question.
  await me.goto(`${study}/reports`);
  const choose = me.getByRole("form", { name: "Choose a question" });
  await choose.getByLabel("Wave and question").selectOption("wave-1/likes_tea");
  await choose.getByRole("button", { name: "Show" }).click();
  const table = me.getByRole("region", { name: "Frequency table" });
  await expect(table.locator("caption")).toContainText("Do you like tea?");
  await checkScreen(me, problems);

  // 10. The export downloads, with the respondent's row.
  await me.goto(`${study}/exports`);
  await checkScreen(me, problems);
  const download = me.waitForEvent("download");
  await me.getByRole("button", { name: "Download responses" }).click();
  const file = await (await download).path();
  const text = readFileSync(file, "utf8");
  expect(text).toContain(CODE);
  expect(text).toContain("likes_tea");
  await rc.close();
  expect(problems).toEqual([]);
});
