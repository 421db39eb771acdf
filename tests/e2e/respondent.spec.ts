import { expect, test, type Page } from "@playwright/test";
import { answerToTheEnd, answerVisible, expectNoAxeViolations, nextRendered, takeWave2Link } from "./helpers";

const next = (page: Page) => page.locator('button[name="_action"][value="next"]').click();

const FIRST_BRANCH_QUESTION = { stayed: "work_now", returned: "region", moved_on: "country" } as const;
const BRANCHES = (["uk", "en"] as const).flatMap((lang) =>
  (["stayed", "returned", "moved_on"] as const).map((where) => ({ where, lang })),
);

for (const b of BRANCHES) {
  test(`wave 2: a respondent who ${b.where} answers in ${b.lang}`, async ({ page }) => {
    await page.goto(`${takeWave2Link()}?lang=${b.lang}`);
    await expect(page.locator("html")).toHaveAttribute("lang", b.lang);
    await expect(page.locator(".note").first()).toContainText(b.lang === "en" ? "In 2022 you lived in" : "У 2022 році ви жили");
    await answerVisible(page, { where_now: b.where });
    await next(page);
    await expect(page.locator(`[data-q="${FIRST_BRANCH_QUESTION[b.where]}"]`)).toBeVisible();
    for (const other of Object.values(FIRST_BRANCH_QUESTION).filter((q) => q !== FIRST_BRANCH_QUESTION[b.where])) {
      await expect(page.locator(`[data-q="${other}"]`)).toHaveCount(0);
    }
    if (b.where !== "stayed") {
      await answerVisible(page);
      await next(page);
      const reasons = page.locator('[data-q="reasons"]');
      await expect(reasons).toBeVisible();
      // Options shown only to returnees or only to onward movers.
      await expect(reasons.locator('input[value="ukraine_home"]')).toHaveCount(b.where === "returned" ? 1 : 0);
      await expect(reasons.locator('input[value="language"]')).toHaveCount(b.where === "moved_on" ? 1 : 0);
      await expect(reasons.locator('input[value="family"]')).toHaveCount(1);
    }
    await answerToTheEnd(page);
  });
}

test("the questionnaire is fetched once for the script, under the page's policy, and the browser's cache serves it after the first page", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => m.text().includes("Content Security Policy") && violations.push(m.text()));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  const fromNetwork: string[] = [];
  const fromCache = new Set<string>();
  cdp.on("Network.requestServedFromCache", (e) => fromCache.add(e.requestId));
  cdp.on("Network.responseReceived", (e) => {
    if (e.response.url.includes("/r/def/") && !e.response.fromDiskCache && !fromCache.has(e.requestId)) fromNetwork.push(e.response.url);
  });
  const first = page.waitForResponse((r) => r.url().includes("/r/def/"));
  // The open link (a new person each time), so that no demo wave-2 link is used up here.
  await page.goto("/j/ua-norway/refresh?lang=en");
  await page.locator("form button[type=submit]").click();
  await expect(page).toHaveURL(/\/s\/[A-Za-z0-9_-]+/);
  const res = await first;
  expect(res.status()).toBe(200);
  expect(res.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(res.headers()["content-type"]).toContain("application/json");
  await expect(page.locator("form[data-ready]")).toHaveCount(1);
  await answerVisible(page);
  await nextRendered(page);
  const second = page.waitForResponse((r) => r.url().includes("/r/def/"));
  await page.reload();
  expect((await second).url()).toBe(res.url());
  expect(fromNetwork).toEqual([res.url()]);
  expect(violations).toEqual([]);
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("the wave-1 questionnaire completes with plain form posts, consent revealing the email", async ({ page }) => {
    await page.goto("/j/ua-norway/refresh?lang=ru");
    await page.locator("form button[type=submit]").click();
    await expect(page.locator(".progress")).toHaveAttribute("data-step", "1");
    // A missing answer is named in a summary that lists the question.
    await next(page);
    await expect(page.locator("#error-summary")).toContainText("Сколько вам лет?");
    for (let i = 0; i < 3; i++) {
      await answerVisible(page);
      await nextRendered(page);
    }
    await expect(page.locator('[data-q="email"]')).toBeVisible();
    await page.locator('[data-q="consent_followup"] input[value="yes"]').check();
    await page.locator('[data-q="email"] input').fill("nojs@example.org");
    await next(page);
    await page.locator('button[name="_action"][value="send"]').click();
    await expect(page.locator('[data-status="thanks"]')).toBeVisible();
  });

  for (const where of ["stayed", "returned", "moved_on"]) {
    test(`wave 2 along the ${where} branch`, async ({ page }) => {
      await page.goto(`${takeWave2Link()}?lang=ru`);
      await answerVisible(page, { where_now: where });
      await next(page);
      await answerToTheEnd(page);
    });
  }
});

test("resumes on a second device where the respondent stopped", async ({ browser }) => {
  const link = takeWave2Link();
  const phone = await browser.newContext();
  const p1 = await phone.newPage();
  await p1.goto(`${link}?lang=en`);
  await answerVisible(p1, { where_now: "returned" });
  await next(p1);
  await expect(p1.locator(".progress")).toHaveAttribute("data-step", "2");
  const laptop = await browser.newContext();
  const p2 = await laptop.newPage();
  await p2.goto(link);
  await expect(p2.locator("#survey")).toContainText("Where in Ukraine do you live now?");
  await p2.getByRole("button", { name: "Back" }).click();
  await expect(p2.locator('input[value="returned"]')).toBeChecked();
  await phone.close();
  await laptop.close();
});

test("a double tap moves one page, and a second tab is told answers changed elsewhere", async ({ browser }) => {
  const link = takeWave2Link();
  const ctx = await browser.newContext();
  const tabA = await ctx.newPage();
  const tabB = await ctx.newPage();
  await tabA.goto(`${link}?lang=en`);
  await tabB.goto(`${link}?lang=en`);
  await answerVisible(tabA, { where_now: "moved_on" });
  await tabA.locator('button[value="next"]').dblclick();
  await tabA.waitForLoadState();
  await expect(tabA.locator("#survey")).toContainText("Which country do you live in now?");
  await expect(tabA.locator(".progress")).toHaveAttribute("data-step", "2");
  await answerVisible(tabB, { where_now: "stayed" });
  await next(tabB);
  await expect(tabB.locator(".notice")).toContainText("changed in another window");
  await expect(tabB.locator("#survey")).toContainText("Which country do you live in now?");
  await ctx.close();
});

test("an answer survives a connection lost during the submit: the browser's draft restores it", async ({ browser }) => {
  const link = takeWave2Link();
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${link}?lang=en`);
  await page.locator('[data-q="where_now"] input[value="returned"]').check();
  // The post never reaches the server (the phone lost its connection as the respondent tapped).
  await page.route("**/s/**", (route) => (route.request().method() === "POST" ? route.abort("internetdisconnected") : route.fallback()));
  await next(page).catch(() => {});
  await page.unroute("**/s/**");
  // Back online, the same link opens on the same page with the answer still there.
  await page.goto(`${link}?lang=en`);
  await expect(page.locator(".progress")).toHaveAttribute("data-step", "1");
  await expect(page.locator('[data-q="where_now"] input[value="returned"]')).toBeChecked();
  await next(page);
  await expect(page.locator("#survey")).toContainText("Where in Ukraine do you live now?");
  await ctx.close();
});

test("instant validation and show/hide run in the browser without a round trip", async ({ page }) => {
  await page.goto("/j/ua-norway/refresh?lang=en");
  await page.locator("form button[type=submit]").click();
  await expect(page).toHaveURL(/\/s\/[A-Za-z0-9_-]+/); // the survey page, not the start page any more
  await expect(page.locator(".progress")).toBeVisible();
  // The questionnaire arrives by a fetch of its own: a click before it is a plain post (as with
  // scripts off), so the browser-side checks are tried once it is here.
  await expect(page.locator("form[data-ready]")).toHaveCount(1);
  const url = page.url();
  await next(page);
  await expect(page.locator("#error-summary")).toBeFocused();
  expect(page.url()).toBe(url);
  for (let i = 0; i < 3; i++) {
    await answerVisible(page);
    await nextRendered(page);
  }
  const email = page.locator('[data-q="email"]');
  await expect(email).toBeHidden();
  await page.locator('[data-q="consent_followup"] input[value="yes"]').check();
  await expect(email).toBeVisible();
  await page.locator('[data-q="consent_followup"] input[value="no"]').check();
  await expect(email).toBeHidden();
});

test("every respondent page type passes axe (WCAG 2.2 AA)", async ({ page }) => {
  await page.goto("/j/ua-norway/refresh?lang=uk");
  await expectNoAxeViolations(page); // start page
  await page.locator("form button[type=submit]").click();
  await expect(page.locator(".progress")).toBeVisible();
  await expectNoAxeViolations(page); // survey page
  await next(page);
  await expect(page.locator("#error-summary")).toBeVisible();
  await expectNoAxeViolations(page); // page with errors
  await answerToTheEnd(page, { consent_followup: "no" });
  await expectNoAxeViolations(page); // thank-you page
  await page.goto("/j/ua-norway/wave-1");
  await expect(page.locator('[data-status="closed"]')).toBeVisible();
  await expectNoAxeViolations(page); // closed page
  await page.goto("/s/AAAAAAAAAAAAAAAAAAAAAAAAAAA");
  await expectNoAxeViolations(page); // unknown link
  const link = takeWave2Link();
  await page.goto(`${link}/withdraw`);
  await expectNoAxeViolations(page); // withdraw confirmation
  await page.goto(link);
  await expectNoAxeViolations(page); // wave-2 page with piped preload
});

test("survey pages fit a 320 px screen at 200% text", async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 320, height: 640 }, deviceScaleFactor: 2 });
  const page = await ctx.newPage();
  await page.goto("/j/ua-norway/refresh?lang=uk");
  await page.locator("form button[type=submit]").click();
  await expect(page.locator(".progress")).toBeVisible(); // on the survey page before styling it
  await page.addStyleTag({ content: "html{font-size:200%}" });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll("#survey button, #survey .opt")].filter((e) => e.getBoundingClientRect().height < 44).length,
  );
  expect(small).toBe(0);
  await ctx.close();
});
