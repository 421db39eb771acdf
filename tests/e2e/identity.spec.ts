// On a shared phone: drafts never hold the email, a completed survey leaves no draft (nor the link)
// in the browser, and an unfinished open-link response is offered to continue on the same device.
import { expect, test, type Page } from "@playwright/test";
import { answerVisible, nextRendered } from "./helpers";

const drafts = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("pw:")).map((k) => [k, localStorage.getItem(k) ?? ""]));

test("drafts never keep the email, and the thank-you page clears the link's drafts", async ({ page }) => {
  await page.goto("/j/ua-norway/refresh?lang=en");
  await page.locator("form button[type=submit]").click();
  await expect(page.locator(".progress")).toHaveAttribute("data-step", "1");
  const token = /\/s\/([A-Za-z0-9_-]+)/.exec(page.url())![1];
  for (let i = 0; i < 3; i++) {
    await answerVisible(page);
    await nextRendered(page);
  }
  await page.locator('[data-q="consent_followup"] input[value="yes"]').check();
  await page.locator('[data-q="email"] input').fill("shared.phone@example.org");
  const kept = await drafts(page);
  expect(kept.some(([k, v]) => k.includes(token) && v.includes("consent_followup"))).toBe(true);
  expect(JSON.stringify(kept)).not.toContain("shared.phone");
  await nextRendered(page);
  await page.locator('button[name="_action"][value="send"]').click();
  await expect(page.locator('[data-status="thanks"]')).toBeVisible();
  await expect.poll(() => drafts(page)).toEqual([]);
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(token);
});

test("the open link offers to continue an unfinished response on the same device", async ({ page, context }) => {
  await page.goto("/j/ua-norway/refresh?lang=en");
  await page.locator("form button[type=submit]").click();
  await expect(page.locator(".progress")).toHaveAttribute("data-step", "1");
  const link = new URL(page.url()).pathname;
  const cookie = (await context.cookies()).find((c) => c.name === "pw_open")!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/j/ua-norway/refresh", value: link.split("/s/")[1] });
  await answerVisible(page);
  await nextRendered(page);
  await expect(page.locator(".progress")).toHaveAttribute("data-step", "2");

  await page.goto("/j/ua-norway/refresh");
  await expect(page.locator("[data-resume]")).toBeVisible();
  await page.locator("[data-resume] a").click();
  // The resumed link, on the page the person had reached (each page has its own ?p= URL).
  await expect(page).toHaveURL(new RegExp(`${link}(\\?p=[a-z0-9_]+)?$`));
  await expect(page.locator(".progress")).toHaveAttribute("data-step", "2");
});
