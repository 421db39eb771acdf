// Researchers and admins at work on the demo study: the recruitment board, the admin's
// recruitment list and mailbox, the reports, and what a researcher is refused.
import { expect, test } from "@playwright/test";
import { readCsv } from "../fixtures/csv";
import { ADMIN, demoResearcher, signIn } from "./helpers";

const STUDY = "/studies/ua-norway";

/** The rows of a CSV download. */
const csvRows = (text: string): string[][] => readCsv(text);

test("an admin sends an interview request from the board, reads it in the mailbox and downloads the list", async ({ page }) => {
  await signIn(page, ADMIN, `${STUDY}/recruitment?status=flagged`);
  // The demo's interview rule has flagged the wave-2 leavers who agreed to interview contact.
  const row = page.locator("tbody tr").filter({ has: page.getByRole("link", { name: "Send interview request…" }) }).first();
  await expect(row).toBeVisible();
  const code = (await row.locator("code").textContent())!.trim();
  // The email is shown first; it is queued only on confirmation.
  await row.getByRole("link", { name: "Send interview request…" }).click();
  await page.getByRole("button", { name: "Send this request" }).click();
  await expect(page.getByText("Interview request queued")).toBeVisible();
  // The person has left the flagged view…
  await page.goto(`${STUDY}/recruitment?status=flagged`);
  await expect(page.locator("tbody tr", { hasText: code })).toHaveCount(0);

  // …and is invited, with one request sent.
  await page.goto(`${STUDY}/recruitment?status=invited`);
  const invited = page.locator("tbody tr", { hasText: code });
  await expect(invited).toContainText("Invited");
  await expect(invited).toContainText("1 request(s)");

  // The recruitment list: pseudonymous id, email, status and the study's characteristics.
  const res = await page.request.get(`/api/studies/ua-norway/recruitment-list?format=csv&status=invited`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-disposition"]).toMatch(/^attachment;/);
  const [header, ...rows] = csvRows(await res.text());
  for (const col of ["Age group", "Length of stay in Norway", "Where they moved", "Family in Norway"]) expect(header).toContain(col);
  const mine = rows.find((r) => r[0] === code);
  expect(mine).toBeDefined();
  const email = mine!.find((c) => /^[^@\s]+@[^@\s]+$/.test(c));
  expect(email).toBeDefined();
  expect(mine).toContain("Invited");

  // The request reaches the local mailbox (no SMTP server in the demo), in the person's language.
  const message = page.locator("tbody tr", { hasText: email! }).filter({ hasText: /інтерв’ю|интервью|snakke med oss|talk to us/ });
  await expect
    .poll(async () => {
      await page.goto("/admin/mailbox");
      return message.count();
    }, { timeout: 30_000 })
    .toBe(1);
  await message.getByRole("link").click();
  await expect(page.locator("body")).toContainText(email!);

  // The download was written to the audit log.
  await page.goto("/admin/audit");
  await expect(page.locator("body")).toContainText("export.recruitment_list");
});

test("a researcher reads the reasons-for-leaving table with its footnotes, and is refused personal data", async ({ page }) => {
  await signIn(page, demoResearcher(), `${STUDY}/reports?wave=wave-2&question=reasons&branch=left`);
  const table = page.getByRole("region", { name: "Frequency table" });
  await expect(table.locator("caption")).toContainText(/N = \d+/);
  // Options shown to one branch only, and wordings merged across branches, are footnoted.
  await expect(table.locator("tbody sup").first()).toBeVisible();
  expect(await table.locator("p.muted sup").count()).toBeGreaterThanOrEqual(2);
  await expect(table.locator("svg")).toBeVisible();
  const csv = await page.request.get(`/api/studies/ua-norway/reports/frequency?wave=wave-2&question=reasons&branch=left&format=csv`);
  expect(csv.status()).toBe(200);
  const table_csv = await csv.text();
  expect(table_csv).toContain("N (respondents who answered)");
  expect(table_csv).toMatch(/Only shown to respondents who returned/);

  await page.goto(`${STUDY}/recruitment`);
  await expect(page.getByText("Only admins can download the recruitment list")).toBeVisible();
  for (const path of ["recruitment-list?format=csv", "recruitment-list?format=xlsx", "exports/responses?identifiers=true"]) {
    const r = await page.request.get(`/api/studies/ua-norway/${path}`);
    expect(r.status(), path).toBe(403);
    expect(await r.text()).not.toMatch(/@example\.org/);
  }
  const pseudonymous = await page.request.get(`/api/studies/ua-norway/exports/responses?shape=wide`);
  expect(pseudonymous.status()).toBe(200);
  expect(await pseudonymous.text()).not.toMatch(/@example\.org/);
  await page.goto("/admin/audit");
  await expect(page.locator("body")).not.toContainText("export.recruitment_list");
});

test("a researcher schedules a wave: every missing field named, the panel counted before anything is sent", async ({ page }) => {
  await signIn(page, demoResearcher(), `${STUDY}/waves/new`);
  await page.getByRole("button", { name: "Schedule the wave" }).click();
  await expect(page.locator(".field-error")).toContainText(["Give the wave a name"]);
  await expect(page.locator("#opensAt-error")).toHaveText("Give an opening time");
  await expect(page.locator(".error-summary a").first()).toHaveAttribute("href", "#name");

  await page.getByLabel("Name", { exact: true }).fill("Wave 3 – 2024");
  const slug = `wave-3-${Date.now().toString(36)}`; // unique, so a retry does not meet its own wave
  await page.getByLabel("Short name in links").fill(slug);
  await page.getByLabel("Opens (Europe/Oslo time)").fill("2031-01-10T09:00");
  await page.getByLabel("Closes (Europe/Oslo time, optional)").fill("2031-02-28T23:00");
  await page.getByLabel("Reminders, days after the invitation").fill("4, 10");
  await page.getByRole("button", { name: "Count the panel" }).click();
  const counted = page.getByRole("status").filter({ hasText: "would be invited now" });
  await expect(counted).toHaveText(/^\d+ participants would be invited now\.$/);
  expect(Number((await counted.textContent())!.split(" ")[0])).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Schedule the wave" }).click();
  await expect(page).toHaveURL(new RegExp(`/studies/ua-norway/waves/${slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Wave 3 – 2024");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("scheduled");
});

test("a refused rule form puts focus on its summary, and typing a fix keeps the focus in the field", async ({ page }) => {
  await signIn(page, demoResearcher(), `${STUDY}/recruitment`);
  await page.locator("summary", { hasText: "New rule" }).click();
  const form = page.getByRole("form", { name: "New rule" });
  const name = form.getByLabel("Name", { exact: true });
  await name.fill("");
  await form.getByLabel("Returned").uncheck();
  await form.getByLabel("Moved on").uncheck();
  await form.getByRole("button", { name: "Create rule" }).click();
  const summary = form.locator(".error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText(["Give the rule a name", "Choose at least one trajectory"]);
  await expect(summary.getByRole("link").first()).toHaveAttribute("href", "#new-rule-name");
  // Re-validation while typing shortens the list; the summary must not take the focus back.
  await name.click();
  await page.keyboard.type("Leavers");
  await expect(summary.getByRole("link")).toHaveText(["Choose at least one trajectory"]);
  await expect(name).toBeFocused();
  await expect(name).toHaveValue("Leavers");
});
