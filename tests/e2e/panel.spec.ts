// The panel in the browser: a researcher imports people from a CSV with a bad row, sees the
// preview name its row and column, fixes the file, chooses the date format and confirms; then
// searches the list and opens a person. An admin opens a person with an open invitation, sees
// the email and the personal link. Every page is checked at 360 and 1280 px for overflow and axe.
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, demoResearcher, expectNoAxeViolations, signIn } from "./helpers";

const STUDY = "/studies/ua-norway";

/** No horizontal scrolling and no axe violations, on a phone-sized and a desktop-sized window. */
async function checkLayouts(page: Page) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), `overflow at ${width} px`).toBe(true);
    await expectNoAxeViolations(page);
  }
}

const csv = (lines: string[]) => ({ name: "panel.csv", mimeType: "text/csv", buffer: Buffer.from(`${lines.join("\n")}\n`) });

test("a researcher imports a panel after fixing a bad row, then finds the people in the list", async ({ page }) => {
  const stamp = Date.now().toString(36).toUpperCase();
  const header = "email,language,code,consent_date,consent_follow_up_surveys";
  const ann = `e2e-ann-${stamp}@example.org,en,E2E-${stamp}-1,2024-05-01,yes`;
  const bob = `e2e-bob-${stamp}@example.org,nb,E2E-${stamp}-2,12.01.2025,yes`;
  await signIn(page, demoResearcher(), `${STUDY}/panel/import`);
  await checkLayouts(page);

  await page.locator("#file").setInputFiles(csv([header, ann, bob, `not-an-email,en,E2E-${stamp}-3,,yes`]));
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("heading", { name: "Preview of panel.csv" })).toBeVisible();
  const problems = page.locator("#file-problems tbody tr");
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0).locator('td[data-label="Row"]')).toHaveText("3");
  await expect(problems.nth(0).locator('td[data-label="Column"]')).toHaveText("consent_date");
  await expect(problems.nth(0)).toContainText("could be day/month or month/day");
  await expect(problems.nth(1).locator('td[data-label="Row"]')).toHaveText("4");
  await expect(problems.nth(1).locator('td[data-label="Column"]')).toHaveText("email");
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  await checkLayouts(page);

  // The corrected file, with the file's date format chosen on the screen.
  await page.locator("#file").setInputFiles(csv([header, ann, bob, `e2e-cat-${stamp}@example.org,en,E2E-${stamp}-3,,no`]));
  await page.getByLabel("Date format in the file").selectOption("DD.MM.YYYY");
  await page.getByRole("button", { name: "Check the corrected file" }).click();
  await expect(page.locator("#file-problems")).toHaveCount(0);
  await expect(page.locator('td[data-label="To be added"]')).toHaveText("3");
  // The first rows as read: 12.01.2025 in the chosen DD.MM.YYYY is 12 January.
  await expect(page.locator("#sample-rows tbody tr").nth(1).locator('td[data-label="Consent date"]')).toHaveText("2025-01-12");
  await checkLayouts(page);
  await page.getByRole("button", { name: "Import 3 people" }).click();
  await expect(page.getByRole("status")).toContainText("Imported 3 people");

  // The same people again: Ann now speaks Norwegian and withdrew her follow-up consent; Bob is as held.
  await page.locator("#file").setInputFiles(csv([header, `e2e-ann-${stamp}@example.org,nb,E2E-${stamp}-1,2025-02-01,no`, bob]));
  await page.getByLabel("Date format in the file").selectOption("DD.MM.YYYY");
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.locator('td[data-label="To be updated"]')).toHaveText("1");
  await expect(page.locator('td[data-label="Unchanged"]')).toHaveText("1");
  await expect(page.locator('td[data-label="To be added"]')).toHaveText("0");
  const change = page.locator("#row-changes tbody tr");
  await expect(change).toHaveCount(1);
  await expect(change.locator('td[data-label="Code"]')).toHaveText(`E2E-${stamp}-1`);
  await expect(change).toContainText("language: en → nb");
  await expect(change).toContainText("follow up surveys consent: yes → no");
  await expect(page.locator("#sample-rows tbody tr").nth(1).locator('td[data-label="Outcome"]')).toHaveText("unchanged (already up to date)");
  await checkLayouts(page);
  await page.getByRole("button", { name: "Import: add 0 people, update 1 person" }).click();
  await expect(page.getByRole("status")).toContainText("Updated 1 person.");

  // The list: search by code, then the person.
  await page.goto(`${STUDY}/panel`);
  await checkLayouts(page);
  await page.getByLabel("Code starts with").fill(`E2E-${stamp}`);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.locator('table[aria-labelledby="people-title"] tbody tr')).toHaveCount(3);
  await page.getByRole("link", { name: `E2E-${stamp}-2` }).click();
  await expect(page.getByRole("heading", { name: `Participant E2E-${stamp}-2` })).toBeVisible();
  await expect(page.locator("body")).toContainText("Contact details are shown to admins only.");
  await expect(page.locator("body")).not.toContainText(`e2e-bob-${stamp}@example.org`);
  const consent = page.locator("tbody tr", { hasText: "follow up surveys" });
  await expect(consent.locator('td[data-label="When"]')).toContainText("2025");
  await checkLayouts(page);
  // Ann's consent history: the imported grant and, appended by the update, the withdrawal.
  await page.goto(`${STUDY}/panel/people/E2E-${stamp}-1`);
  await expect(page.locator("tbody tr", { hasText: "follow up surveys" })).toHaveCount(2);
  await checkLayouts(page);
});

test("an admin opens a person with an open invitation: email, personal link, resend", async ({ page }) => {
  await signIn(page, ADMIN, `${STUDY}/panel?wave=wave-2&status=sent`);
  const first = page.locator('tbody td[data-label="Code"] a').first();
  const code = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByRole("heading", { name: `Participant ${code}` })).toBeVisible();
  await expect(page.locator("dt", { hasText: "Email" })).toBeVisible();
  await page.getByRole("button", { name: "Show the personal link" }).click();
  await expect(page.getByRole("textbox", { name: /^Personal link to/ })).toHaveValue(/\/s\/[A-Za-z0-9_-]{20,}$/);
  await page.getByRole("button", { name: "Resend the invitation" }).click();
  await expect(page.getByText(/on its way|already queued|Not sent/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Withdraw on their request" })).toBeVisible();
  await checkLayouts(page);
});
