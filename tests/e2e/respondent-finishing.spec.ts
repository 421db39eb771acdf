// The end of a survey on a phone, in Ukrainian and Russian (issue 18, "Finishing"): the send step
// and the completion page (100 % only there), error titles and messages, 200 % text at 320 px
// without words broken mid-word, the withdraw page, and the browser's Back.
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, answerVisible, expectNoAxeViolations, nextRendered, signIn, takeWave2Link } from "./helpers";

const T = {
  uk: { error: "Помилка: ", send: "Надіслати мої відповіді", sendTitle: "Надішліть свої відповіді", done: "Ваші відповіді надіслано", next: "Що далі", leave: "Так, вийти з дослідження", deleteToo: "Також видалити мої відповіді", question: "питання «" },
  ru: { error: "Ошибка: ", send: "Отправить мои ответы", sendTitle: "Отправьте свои ответы", done: "Ваши ответы отправлены", next: "Что дальше", leave: "Да, выйти из исследования", deleteToo: "Также удалить мои ответы", question: "вопрос «" },
} as const;

const progressValue = (page: Page) => page.locator("progress").getAttribute("value");

/** No horizontal scrolling at 360 px and 1280 px, and axe finds nothing, on the page as it is. */
async function checkWidthsAndAxe(page: Page) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), `no horizontal scroll at ${width}px`).toBe(true);
  }
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 412, height: 915 });
}

/**
 * Words of the visible text that the browser broke across two lines although they fit on one:
 * each word (split at spaces, hyphens and slashes) is measured with Range.getClientRects; boxes
 * that do not overlap vertically are on different lines. A word wider than its line cannot fit
 * and is left to hyphenation (`hyphens: auto` where the phone has the language's dictionary);
 * it is listed apart. Codes, URLs and email addresses may break anywhere and are left out.
 */
async function brokenWords(page: Page): Promise<{ fits: string[]; tooLong: string[] }> {
  return page.evaluate(() => {
    const fits: string[] = [];
    const tooLong: string[] = [];
    const ctx = document.createElement("canvas").getContext("2d")!;
    const walker = document.createTreeWalker(document.querySelector("main")!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement!;
      if (el.closest("script,style,.code,[hidden]") || !el.getClientRects().length) continue;
      let block: HTMLElement = el;
      while (getComputedStyle(block).display.startsWith("inline") && block.parentElement) block = block.parentElement;
      const b = getComputedStyle(block);
      const line = block.getBoundingClientRect().width - ["paddingLeft", "paddingRight", "borderLeftWidth", "borderRightWidth"].reduce((n, k) => n + parseFloat(b[k as "paddingLeft"]), 0);
      const text = node.textContent ?? "";
      for (const m of text.matchAll(/[^\s\-‐–—/]+/g)) {
        const word = m[0];
        if (word.length < 2 || /[@:/]/.test(word)) continue;
        const range = document.createRange();
        range.setStart(node, m.index!);
        range.setEnd(node, m.index! + word.length);
        const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0).sort((x, y) => x.top - y.top);
        if (!rects.some((r, i) => i > 0 && r.top >= rects[i - 1].bottom - 1)) continue;
        const f = getComputedStyle(el);
        ctx.font = `${f.fontStyle} ${f.fontWeight} ${f.fontSize} ${f.fontFamily}`;
        (ctx.measureText(word).width <= line - 1 ? fits : tooLong).push(word);
      }
    }
    return { fits, tooLong };
  });
}

/** 200 % text on a 320 px wide screen: no word broken mid-word, no horizontal scroll. */
async function checkLargeText(page: Page, what: string) {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.addStyleTag({ content: "html{font-size:200%!important}" });
  const words = await brokenWords(page);
  expect(words.fits, `words broken mid-word on ${what}`).toEqual([]);
  if (words.tooLong.length) test.info().annotations.push({ type: "wider than a 320 px line at 200 %", description: `${what}: ${words.tooLong.join(" ")}` });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), `no horizontal scroll on ${what}`).toBe(true);
  await page.setViewportSize({ width: 412, height: 915 });
}

for (const lang of ["uk", "ru"] as const) {
  test(`the send step, the completion page, errors and Back in ${lang}`, async ({ page }) => {
    const t = T[lang];
    const link = takeWave2Link();
    await page.goto(`${link}?lang=${lang}`);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    // Progress: a bar named by its text for screen readers, and never 100 % on a survey page.
    await expect(page.locator("progress")).toHaveAttribute("aria-labelledby", "progress-text");
    expect(await progressValue(page)).not.toBe("100");
    await checkLargeText(page, `the first page (${lang})`);

    // Errors: the title starts with "Error: " in the page language, the message names the question.
    const title = await page.title();
    await page.locator('button[name="_action"][value="next"]').click();
    await expect(page.locator("#error-summary")).toBeVisible();
    await expect(page).toHaveTitle(`${t.error}${title}`);
    await expect(page.locator("#error-summary a").first()).toContainText(t.question);
    await checkLargeText(page, `the first page with errors (${lang})`);

    // The browser's Back goes to the page before, with its answers; Forward returns.
    await answerVisible(page, { where_now: "returned" });
    await nextRendered(page);
    await expect(page).toHaveURL(/\?p=/);
    const second = await page.locator("#survey").getAttribute("data-page");
    await page.goBack();
    await expect(page.locator('input[value="returned"]')).toBeChecked();
    expect(await page.locator("#survey").getAttribute("data-page")).not.toBe(second);
    await page.goForward();
    await expect(page.locator("#survey")).toHaveAttribute("data-page", second!);

    // On to the send step: the last page only saves; nothing is sent yet.
    for (let i = 0; i < 20 && !(await page.locator('button[value="send"]').count()); i++) {
      // The new page's submit key arrives before its questions: wait for the whole page.
      await page.waitForLoadState("load");
      await answerVisible(page, { consent_interview: "no", consent_followup: "no" });
      await nextRendered(page);
      await page.waitForLoadState("load");
    }
    await expect(page.locator("h1")).toHaveText(t.sendTitle);
    await expect(page).toHaveTitle(t.sendTitle);
    expect(Number(await progressValue(page))).toBeLessThan(100);
    await checkWidthsAndAxe(page);
    await checkLargeText(page, `the send step (${lang})`);

    await page.getByRole("button", { name: t.send }).click();
    await expect(page.locator('[data-status="thanks"]')).toHaveText(t.done);
    expect(await progressValue(page)).toBe("100");
    await expect(page.locator("#progress-text")).toContainText("100");
    await expect(page.getByRole("heading", { name: t.next })).toBeVisible();
    await expect(page.locator("ul.next li")).toHaveCount(3);
    await checkWidthsAndAxe(page);
    await checkLargeText(page, `the completion page (${lang})`);
  });

  test(`the withdraw page in ${lang}: destructive looks destructive, and deleting answers reaches the admins`, async ({ page, browser }) => {
    const t = T[lang];
    await page.goto(`${takeWave2Link()}?lang=${lang}`);
    const withdraw = page.locator("a.withdraw");
    expect((await withdraw.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await withdraw.click();
    const leave = page.getByRole("button", { name: t.leave });
    await expect(leave).toHaveCSS("background-color", "rgb(176, 0, 32)");
    await expect(page.locator("a.btn.sec")).toHaveCSS("background-color", "rgb(255, 255, 255)");
    await checkWidthsAndAxe(page);
    await checkLargeText(page, `the withdraw page (${lang})`);
    await page.getByLabel(t.deleteToo).check();
    await leave.click();
    await expect(page.locator('[data-status="withdrawn"]')).toBeVisible();
    await expect(page.locator("[data-erasure-requested]")).toBeVisible();

    const staff = await (await browser.newContext()).newPage();
    await signIn(staff, ADMIN, "/admin");
    await expect(staff.getByRole("heading", { name: "Requests to delete answers" })).toBeVisible();
    await expect(staff.locator("table").last().locator("tbody tr")).not.toHaveCount(0);
  });
}

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("the server's error page title and the send step work without scripts (ru)", async ({ page }) => {
    await page.goto(`${takeWave2Link()}?lang=ru`);
    await page.locator('button[name="_action"][value="next"]').click();
    await expect(page).toHaveTitle(/^Ошибка: /);
    await expect(page.locator("#error-summary")).toContainText("вопрос «");
    for (let i = 0; i < 20 && !(await page.locator('button[value="send"]').count()); i++) {
      await answerVisible(page, { where_now: "stayed", consent_interview: "no", consent_followup: "no" });
      await page.locator('button[name="_action"][value="next"]').click();
    }
    // Back from the send step, then Forward through the last page again, then send.
    await page.getByRole("link", { name: "Назад" }).click();
    await expect(page.locator("#survey")).toBeVisible();
    await page.goBack();
    await page.getByRole("button", { name: T.ru.send }).click();
    expect(await progressValue(page)).toBe("100");
  });
});
