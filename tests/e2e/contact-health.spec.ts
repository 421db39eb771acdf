// Contact health on the panel page: the counts for the demo study, the months field with its
// error named, phone and desktop layouts without overflow, and axe.
import { expect, test, type Page } from "@playwright/test";
import { demoResearcher, expectNoAxeViolations, signIn } from "./helpers";

const STUDY = "/studies/ua-norway";

async function checkLayouts(page: Page, shot: string) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), `overflow at ${width} px`).toBe(true);
    await expectNoAxeViolations(page);
    await page.locator("#health-title").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/contact-health-${shot}-${width}.png`, fullPage: false });
  }
}

test("a researcher reads the panel's contact health and picks the months", async ({ page }) => {
  await signIn(page, demoResearcher(), `${STUDY}/panel`);
  const section = page.locator("section", { has: page.getByRole("heading", { name: "Contact health" }) });
  await expect(section).toBeVisible();
  await expect(section.locator('td[data-label="Participants"]')).toHaveText(/^\d+$/);
  await expect(section.getByRole("columnheader", { name: "Not reached in 12 months" })).toBeVisible();
  await expect(section.getByRole("table").nth(1).locator("tbody tr").first()).toContainText(/\d+ people, \d+ messages?/);
  await checkLayouts(page, "default");

  await section.getByLabel("Not reached for (months)").fill("6");
  await section.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/months=6/);
  await expect(section.getByRole("columnheader", { name: "Not reached in 6 months" })).toBeVisible();

  await page.goto(`${STUDY}/panel?months=500`);
  await expect(page.locator("#months-error")).toHaveText("At most 120 months");
  await expect(page.getByLabel("Not reached for (months)")).toHaveAttribute("aria-invalid", "true");
  await checkLayouts(page, "error");
});
