// Nothing in the wrong language on a Ukrainian or Russian path, on the phone profile: a scan of
// every respondent page type for Latin-script words (names, addresses and codes allowed), the
// damaged stop-emails link, the month fields with and without scripts, the switcher at the top.
import { expect, test, type Page } from "@playwright/test";
import { answerVisible, expectNoAxeViolations, nextRendered, takeWave2Link } from "./helpers";

const OPEN_LINK = "/j/ua-norway/refresh";
// Latin words a Ukrainian or Russian page may show: the switcher's own language names, the study's
// contact address, codes.
const ALLOWED = new Set(["English", "Norsk", "bokmål", "UTC"]);
const TEXT = { uk: { month: "Місяць", year: "Рік", yearFix: "Введіть рік", broken: "Посилання для відписки пошкоджене" }, ru: { month: "Месяц", year: "Год", yearFix: "Введите год", broken: "Ссылка для отписки повреждена" } };

/** The Latin-script words of the page's visible text and title that are not allowed. */
async function latinWords(page: Page): Promise<string[]> {
  const { text, names } = await page.evaluate(() => {
    // The person's own data piped into the page (a municipality from wave 1: "Drammen") is a name.
    const data = document.getElementById("pw-data")?.textContent;
    const given = data ? (JSON.parse(data) as { preload?: Record<string, unknown>; answers?: Record<string, unknown> }) : {};
    const names = [...Object.values(given.preload ?? {}), ...Object.values(given.answers ?? {})].filter((v): v is string => typeof v === "string");
    return { text: `${document.title}\n${document.body.innerText}`, names };
  });
  const allowed = new Set([...ALLOWED, ...names.flatMap((n) => n.split(/\s+/))]);
  const words = text.replace(/\S+@\S+/g, " ").match(/\p{Script=Latin}[\p{Script=Latin}'’-]*/gu) ?? [];
  return [...new Set(words)].filter((w) => !allowed.has(w) && w.length > 1);
}

async function expectNoEnglish(page: Page, what: string) {
  expect(await latinWords(page), what).toEqual([]);
}

/** The switcher is the first thing in the card, above the progress, the heading and every question. */
async function expectSwitcherAtTop(page: Page) {
  const lang = page.locator(".lang").first();
  await expect(lang).toBeVisible();
  const top = (await lang.boundingBox())!.y;
  for (const sel of ["h1", ".progress", "#survey [data-q]"]) {
    const el = page.locator(sel).first();
    if (await el.count()) expect((await el.boundingBox())!.y, sel).toBeGreaterThan(top);
  }
}

async function expectFits(page: Page) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), `${width} px`).toBe(true);
  }
  await page.setViewportSize({ width: 412, height: 915 });
}

for (const lang of ["uk", "ru"] as const) {
  test(`${lang}: every page type has no English, and the switcher is at the top`, async ({ page }) => {
    await page.setExtraHTTPHeaders({ "accept-language": lang });
    // Open-link start page, first survey page, its error state.
    await page.goto(`${OPEN_LINK}?lang=${lang}`);
    await expectSwitcherAtTop(page);
    await expectNoEnglish(page, "start");
    await page.locator("main form button[type=submit]").click();
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expectSwitcherAtTop(page);
    await expectNoEnglish(page, "survey page");
    await page.locator('button[name="_action"][value="next"]').click();
    await expect(page.locator("#error-summary")).toBeVisible();
    await expectNoEnglish(page, "survey page with errors");
    // A personal link: survey page, withdraw page, then every page to the completion page.
    const link = takeWave2Link();
    await page.goto(`${link}?lang=${lang}`);
    await expectSwitcherAtTop(page);
    await expectNoEnglish(page, "personal link");
    await page.goto(`${link}/withdraw`);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expectSwitcherAtTop(page);
    await expectNoEnglish(page, "withdraw");
    await page.goto(link);
    for (let i = 0; i < 20 && !(await page.locator('[data-status="thanks"]').count()); i++) {
      const send = page.locator('button[name="_action"][value="send"]');
      if (await send.count()) {
        // The send step: no English there either, the switcher on top.
        await expectSwitcherAtTop(page);
        await expectNoEnglish(page, "send step");
        await send.click();
      } else {
        await answerVisible(page);
        await page.locator('button[name="_action"][value="next"]').click();
      }
      await page.waitForLoadState("domcontentloaded");
    }
    await expect(page.locator('[data-status="thanks"]')).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expectNoEnglish(page, "completion");
    // The status page of the answered link, in the chosen language, with the switcher on top.
    await page.goto(link);
    await expect(page.locator('[data-status="completed"]')).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expectSwitcherAtTop(page);
    await expectNoEnglish(page, "completed status");
    // Broken links of every kind.
    for (const path of ["/s/AAAAAAAAAAAAAAAAAAAAAAAA", "/v/AAAAAAAAAAAAAAAAAAAAAAAA", "/u/broken-by-the-mail-client"]) {
      await page.goto(path);
      await expect(page.locator("html"), path).toHaveAttribute("lang", lang);
      await expectSwitcherAtTop(page);
      await expectNoEnglish(page, path);
    }
  });

  test.describe(`${lang} phone`, () => {
    // The phone's language (Chromium sends Accept-Language from the locale).
    test.use({ locale: lang === "uk" ? "uk-UA" : "ru-RU" });

    test(`${lang}: a damaged stop-emails link gets a styled page in the phone's language`, async ({ page }) => {
      // A long link a mail program cut short.
      const res = await page.goto("/u/Zk3l9cQ2mVw8bXy4");
      expect(res!.status()).toBe(404);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.locator("h1")).toHaveText(TEXT[lang].broken);
      // Styled like the other respondent pages: the card, not the browser's default page.
      expect(await page.locator("main.card").evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(255, 255, 255)");
      await expectSwitcherAtTop(page);
      await expectNoAxeViolations(page);
      await expectFits(page);
      // The switcher changes the language (an explicit choice beats the phone's).
      await page.locator(".lang a", { hasText: "Norsk bokmål" }).click();
      await expect(page.locator("html")).toHaveAttribute("lang", "nb");
    });
  });
}

/** Fills the first survey page of the wave-1 questionnaire except the arrival month. */
async function answerAllButMonth(page: Page) {
  await page.locator('[data-q="age_group"] input[type=radio]').first().check();
}

test.describe("month fields without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("ru: month and year fields, '03.2023' accepted, a missing year named and explained", async ({ page }) => {
    await page.goto(`${OPEN_LINK}?lang=ru`);
    await page.locator("main form button[type=submit]").click();
    const month = page.locator('[data-q="arrival_month"]');
    await expect(month.getByLabel(TEXT.ru.month)).toBeVisible();
    await expect(month.getByLabel(TEXT.ru.year)).toBeVisible();
    await expect(page.locator('input[type="month"]')).toHaveCount(0);
    await expectSwitcherAtTop(page);
    await answerAllButMonth(page);
    await month.getByLabel(TEXT.ru.month).fill("3");
    await page.locator('button[name="_action"][value="next"]').click();
    await expect(page.locator("#error-summary")).toContainText(TEXT.ru.yearFix);
    await expect(page.locator("#error-summary")).toContainText("Когда");
    await expect(month.getByLabel(TEXT.ru.month)).toHaveValue("3");
    await month.getByLabel(TEXT.ru.month).fill("03.2023");
    await nextRendered(page);
    await expect(page.locator('[data-q="arrival_month"]')).toHaveCount(0);
    // Back: the stored month shows again in its two fields.
    await page.locator('button[name="_action"][value="back"]').click();
    await expect(month.getByLabel(TEXT.ru.month)).toHaveValue("3");
    await expect(month.getByLabel(TEXT.ru.year)).toHaveValue("2023");
  });
});

test.describe("month fields with JavaScript", () => {
  test("uk: checked in the browser, '3/2023' accepted, a draft restores both fields", async ({ page }) => {
    await page.goto(`${OPEN_LINK}?lang=uk`);
    await page.locator("main form button[type=submit]").click();
    const month = page.locator('[data-q="arrival_month"]');
    await expect(month.getByLabel(TEXT.uk.month)).toBeVisible();
    await expectNoAxeViolations(page);
    await expectFits(page);
    await answerAllButMonth(page);
    // Enter in a field goes on (not to the language switcher at the top): the browser check answers.
    await month.getByLabel(TEXT.uk.month).fill("13");
    await month.getByLabel(TEXT.uk.year).fill("2023");
    const key = await page.locator('input[name="_key"]').inputValue();
    await month.getByLabel(TEXT.uk.year).press("Enter");
    await expect(page.locator("#error-summary")).toContainText("від 1 до 12");
    expect(await page.locator('input[name="_key"]').inputValue()).toBe(key);
    await expect(page.locator("html")).toHaveAttribute("lang", "uk");
    // A draft keeps both fields over a reload.
    await month.getByLabel(TEXT.uk.month).fill("3/2023");
    await month.getByLabel(TEXT.uk.year).fill("");
    await page.reload();
    await expect(month.getByLabel(TEXT.uk.month)).toHaveValue("3/2023");
    await answerAllButMonth(page);
    await nextRendered(page);
    await expect(page.locator('[data-q="arrival_month"]')).toHaveCount(0);
    await page.locator('button[name="_action"][value="back"]').click();
    await expect(month.getByLabel(TEXT.uk.year)).toHaveValue("2023");
  });

  test("the switcher at the top keeps the page's answers and changes the language", async ({ page }) => {
    await page.goto(`${OPEN_LINK}?lang=uk`);
    await page.locator("main form button[type=submit]").click();
    await expectSwitcherAtTop(page);
    const month = page.locator('[data-q="arrival_month"]');
    await answerAllButMonth(page);
    await month.getByLabel(TEXT.uk.month).fill("5");
    await month.getByLabel(TEXT.uk.year).fill("2022");
    await page.locator(".lang button", { hasText: "Русский" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    await expect(month.getByLabel(TEXT.ru.month)).toHaveValue("5");
    await expect(month.getByLabel(TEXT.ru.year)).toHaveValue("2022");
    await expectNoEnglish(page, "switched to ru");
  });
});
