import { expect, test } from "@playwright/test";
import { ADMIN, answerToTheEnd, answerVisible, signIn } from "./helpers";

async function completedCount(page: import("@playwright/test").Page, wave: string) {
  const cell = page.locator(`tr[data-wave="${wave}"] td[data-count="completed"]`);
  return Number(await cell.textContent());
}

test("health answers with the embedded database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", db: "pglite" });
});

test("a respondent answers the wave-1 questionnaire on a phone and a researcher sees the count rise", async ({ browser }) => {
  const staff = await browser.newContext();
  const researcher = await staff.newPage();
  await signIn(researcher, ADMIN, "/studies/ua-norway");
  const before = await completedCount(researcher, "refresh");

  const phone = await browser.newContext({ locale: "uk-UA" });
  const respondent = await phone.newPage();
  await respondent.goto("/j/ua-norway/refresh");
  await expect(respondent.locator("html")).toHaveAttribute("lang", "uk");
  await respondent.getByRole("button", { name: "Почати опитування" }).click();
  await expect(respondent).toHaveURL(/\/s\/[A-Za-z0-9_-]{27}/);
  await expect(respondent.locator(".progress")).toHaveAttribute("data-step", "1");
  await answerVisible(respondent);
  await respondent.getByRole("button", { name: "Далі" }).click();
  await expect(respondent.locator(".progress")).toHaveAttribute("data-step", "2");
  await answerToTheEnd(respondent, { consent_followup: "no" });
  await expect(respondent.getByRole("heading", { name: "Ваші відповіді надіслано" })).toBeVisible();

  await expect.poll(() => completedCount(researcher, "refresh"), { timeout: 15_000 }).toBe(before + 1);
  await phone.close();
  await staff.close();
});

test("a researcher who is not signed in cannot reach the admin screen", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin\?next=%2Fadmin/);
});
