// Data protection in the browser: an admin opens a person with a personal link, erases everything
// held about them from the person page (typing the code), lands on the data-protection page that
// records the erasure; the person's link then shows the calm "no longer available" page. Each
// page is checked at 360 and 1280 px (overflow, axe) and photographed for a look.
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, expectNoAxeViolations, signIn, spendWave2Link } from "./helpers";

const STUDY = "/studies/ua-norway";

async function checkLayouts(page: Page, name: string) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), `overflow at ${width} px`).toBe(true);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `test-results/data-protection/${name}-${width}.png`, fullPage: true });
  }
}

test("an admin erases a person from the person page; the data-protection page shows it; their link is calm", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, ADMIN, `${STUDY}/panel?wave=wave-2&status=sent`);
  const first = page.locator('tbody td[data-label="Code"] a').first();
  const code = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByRole("heading", { name: `Participant ${code}` })).toBeVisible();
  await page.getByRole("button", { name: "Show the personal link" }).first().click();
  const link = new URL(await page.getByRole("textbox", { name: /^Personal link to/ }).first().inputValue()).pathname;
  // This person is about to be erased: no later test may be handed their link.
  spendWave2Link(link);

  // The access export is offered in both forms, and answers with the person's data.
  const json = await page.request.get(`${STUDY}/panel/people/${code}/data?format=json`);
  expect(json.status()).toBe(200);
  expect((await json.json()).participant).toBe(code);
  await expect(page.getByRole("link", { name: /readable document/ })).toBeVisible();
  await checkLayouts(page, "person");

  // A wrong code is refused at its field; the right one erases.
  await page.locator("#erase-kind-everything").check();
  await page.locator("#erase-confirm").fill("WRONG");
  await page.getByRole("button", { name: `Erase ${code}` }).click();
  await expect(page.locator("#erase-confirm-error")).toContainText(`Type ${code}`);
  await page.locator("#erase-confirm").fill(code);
  await page.getByRole("button", { name: `Erase ${code}` }).click();

  await expect(page).toHaveURL(/\/admin\/data-protection\?erased=erased-[0-9a-f]{10}$/);
  const ref = new URL(page.url()).searchParams.get("erased")!;
  await expect(page.getByRole("status")).toContainText(ref);
  await expect(page.getByRole("heading", { name: "Data protection" })).toBeVisible();
  const recent = page.locator("table", { has: page.locator("code", { hasText: "participant.erased" }) }).first();
  await expect(recent.locator("tr", { hasText: "participant.erased" }).first()).toContainText(ref);
  await expect(page.locator("body")).not.toContainText(code);
  await expect(page.locator("td code", { hasText: "contacts" }).first()).toBeVisible();
  await checkLayouts(page, "data-protection");

  // The person is gone from the study; their link answers calmly.
  expect((await page.request.get(`${STUDY}/panel/people/${code}`)).status()).toBe(404);
  await page.goto(`${link}?lang=en`);
  await expect(page.getByRole("heading", { name: "This page is no longer available" })).toBeVisible();
  await checkLayouts(page, "erased-link");
});

test("the retention form names each bad field, saves a schedule, and clears it again", async ({ page }) => {
  await signIn(page, ADMIN, `${STUDY}/settings`);
  const form = page.getByRole("form", { name: "Retention" });
  await form.getByLabel("Months to keep contact data and mailbox copies after it").fill("six");
  await form.getByRole("button", { name: "Save the retention" }).click();
  await expect(form).toContainText("Give the study's end date");
  await expect(form).toContainText("Whole months, 0 or more");
  await form.getByLabel("End date of the study").fill("2027-12-31");
  await form.getByLabel("Months to keep contact data and mailbox copies after it").fill("6");
  await form.getByRole("button", { name: "Save the retention" }).click();
  await expect(page).toHaveURL(/saved=1/);
  await expect(page.getByLabel("Months to keep contact data and mailbox copies after it")).toHaveValue("6");
  await expectNoAxeViolations(page);
  // Cleared again, so the demo study has no schedule for the other tests.
  await page.getByLabel("End date of the study").fill("");
  await page.getByLabel("Months to keep contact data and mailbox copies after it").fill("");
  await page.getByRole("button", { name: "Save the retention" }).click();
  await expect(page.getByLabel("End date of the study")).toHaveValue("");
});
