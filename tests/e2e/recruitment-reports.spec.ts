// The recruitment board and the reports of the demo study, as a researcher: the interview
// request is shown before it is sent, a step is recorded for several people at once (and a day in
// the future is refused), the wave and question of a report are chosen in one step, and the
// interviewees' table is shown. Each screen fits 360 px and 1280 px and has no axe violations.
import { expect, test, type Page } from "@playwright/test";
import { axeViolations, demoResearcher, signIn } from "./helpers";

const STUDY = "/studies/ua-norway";

/** No horizontal scrolling and nothing axe can find, on a phone and on a desktop. */
async function checkScreen(page: Page, what: string) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${what} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
    expect(await axeViolations(page), `${what} at ${width} px`).toEqual([]);
  }
}

/** Opens the first flagged person's request, checks the preview, sends it; returns their code. */
async function previewAndSend(page: Page, check: boolean): Promise<string> {
  await page.goto(`${STUDY}/recruitment?status=flagged`);
  const row = page.locator("tbody tr").filter({ has: page.getByRole("link", { name: "Send interview request…" }) }).first();
  const code = (await row.locator("code").first().textContent())!.trim();
  await row.getByRole("link", { name: "Send interview request…" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(code);
  // Subject and body in the person's language, before anything is queued.
  await expect(page.getByRole("heading", { level: 2 })).toContainText(/Subject: .*(інтерв’ю|интервью|snakke med oss|talk to us)/);
  await expect(page.locator("pre")).toContainText(/40–60/);
  if (check) await checkScreen(page, "the request preview");
  await page.getByRole("button", { name: "Send this request" }).click();
  await expect(page).toHaveURL(/\/recruitment\?done=invited&n=1$/);
  await expect(page.getByText("Interview request queued")).toBeVisible();
  return code;
}

test("a researcher previews and sends interview requests, then records a step for two people at once", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, demoResearcher(), `${STUDY}/recruitment`);
  const first = await previewAndSend(page, true);
  const second = await previewAndSend(page, false);

  await page.goto(`${STUDY}/recruitment?status=invited`);
  for (const code of [first, second]) await page.getByRole("checkbox", { name: `Select ${code}` }).check();
  const form = page.getByRole("form", { name: "Record a step for the selected people" });
  await form.getByLabel("Step to record").selectOption("agreed");
  // A day in the future is refused, with the summary taking focus and nothing saved.
  await form.getByLabel("Date of the step").fill("2999-01-01");
  await form.getByRole("button", { name: "Apply to selected" }).click();
  const summary = form.locator(".error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("The date cannot be in the future");
  await form.getByLabel("Date of the step").fill("");
  await form.getByLabel("Note (added to each selected person’s notes)").fill("Prefers evenings");
  await form.getByRole("button", { name: "Apply to selected" }).click();
  await expect(page.getByText("2 people marked agreed.")).toBeVisible();
  await page.goto(`${STUDY}/recruitment?status=agreed`);
  for (const code of [first, second]) {
    const row = page.locator("tbody tr", { hasText: code });
    await expect(row).toContainText("Agreed");
    await expect(row).toContainText("Prefers evenings");
  }
  await checkScreen(page, "the board");
});

test("reports: wave and question in one step, option order for age groups, other texts, and the interviewees' table", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, demoResearcher(), `${STUDY}/reports`);
  const choose = page.getByRole("form", { name: "Choose a question" });
  await choose.getByLabel("Wave and question").selectOption("wave-1/age_group");
  await choose.getByRole("button", { name: "Show" }).click();
  const table = page.getByRole("region", { name: "Frequency table" });
  await expect(table.locator("caption")).toContainText("How old are you?");
  await expect(table.locator("caption")).toContainText("in option order");
  await expect(table.locator("tbody tr td:first-child")).toHaveText(["Under 30", "30–39", "40–49", "50–59", "60 or older"]);
  await choose.getByLabel("Order of the options").selectOption("count");
  await choose.getByRole("button", { name: "Show" }).click();
  await expect(table.locator("caption")).toContainText("by count");

  await choose.getByLabel("Wave and question").selectOption("wave-2/reasons");
  await choose.getByLabel("Order of the options").selectOption("");
  await choose.getByRole("button", { name: "Show" }).click();
  const others = page.getByRole("region", { name: /“Other, specify” answers to reasons/ });
  await expect(others).toBeVisible();
  await expect(others.locator("tbody tr").first()).toBeVisible();

  // The interviewees' table (the first test left two people who agreed; nobody is interviewed yet).
  await expect(page.getByRole("heading", { name: "Interviewees’ characteristics" })).toBeVisible();
  const t2 = page.locator("table", { has: page.locator("caption", { hasText: /interviewees' characteristics/i }) });
  await expect(t2.locator("thead th")).toContainText(["No.", "Participant", "Age group", "Length of stay in Norway", "Where they moved", "Family in Norway"]);
  expect(await t2.locator("tbody tr").count()).toBeGreaterThanOrEqual(1);
  await expect(t2.locator("tbody tr").first().locator("td").nth(2)).toHaveText(/^(<30|30–39|40–49|50–59|60\+)$/);
  const csv = await page.request.get(`/api/studies/ua-norway/reports/interviewees`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain("Age group");
  await checkScreen(page, "the reports");
});
