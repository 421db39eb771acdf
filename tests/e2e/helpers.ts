import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The first admin tests/e2e/serve.mjs creates. */
export const ADMIN = { email: "admin@e2e.test", password: "e2e admin password" };

/** The demo researcher's sign-in, as `npm start` printed it (tests/e2e/serve.mjs keeps the output). */
export function demoResearcher(): { email: string; password: string } {
  const fs = require("node:fs") as typeof import("node:fs");
  const m = /(researcher@demo\.panelwave\.local) \/ (\S+)/.exec(fs.readFileSync(".e2e/start-output.txt", "utf8"));
  if (!m) throw new Error("npm start did not print the demo researcher's sign-in");
  return { email: m[1], password: m[2] };
}

/** Opens a staff page signed out, signs in on the page it redirects to, and lands back on it. */
export async function signIn(page: Page, who: { email: string; password: string }, path: string) {
  await page.goto(path);
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The whole URL, since the sign-in page's own ends in ?next=<path>.
  await expect(page).toHaveURL(new RegExp(`^https?://[^/]+${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
  await page.waitForLoadState("load");
}

/** What axe finds against WCAG 2.2 AA on the page, one line per rule. */
export async function axeViolations(page: Page, exclude?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]);
  const result = await (exclude ? builder.exclude(exclude) : builder).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

export async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

/** Fills every visible question of the current survey page with a plausible answer. */
export async function answerVisible(page: Page, overrides: Record<string, string> = {}) {
  const boxes = page.locator("#survey [data-q][data-type]:visible");
  const n = await boxes.count();
  for (let i = 0; i < n; i++) {
    const box = boxes.nth(i);
    const name = (await box.getAttribute("data-q"))!;
    const type = (await box.getAttribute("data-type"))!;
    const want = overrides[name];
    if (type === "note") continue;
    if (["single", "consent", "scale"].includes(type)) {
      const radio = want ? box.locator(`input[value="${want}"]`) : box.locator("input[type=radio]").first();
      await radio.check();
    } else if (type === "multiple") {
      const boxesIn = box.locator("input[type=checkbox]:not([data-exclusive])");
      const codes = want ? want.split(" ") : [await boxesIn.first().getAttribute("value")];
      for (const c of codes) await box.locator(`input[value="${c}"]`).check();
    } else if (type === "matrix") {
      const rows = box.locator("fieldset.matrix-row");
      for (let r = 0; r < (await rows.count()); r++) await rows.nth(r).locator("input[type=radio]").first().check();
    } else {
      const input = box.locator("input, textarea").first();
      const value = want ?? ({ month: "2023-06", date: "2022-05-10", integer: "3", decimal: "2.5", email: "e2e@example.org" } as Record<string, string>)[type] ?? "Oslo";
      await input.fill(value);
    }
  }
}

/**
 * Clicks Next and waits until the server has rendered what follows (every rendered form has a new
 * submit key), so the next answers go to the next page and not to the one still on screen.
 */
export async function nextRendered(page: Page) {
  const key = page.locator('input[name="_key"]');
  const before = await key.inputValue();
  await page.locator('button[name="_action"][value="next"]').click();
  await expect.poll(async () => ((await key.count()) ? key.inputValue() : null)).not.toBe(before);
  // The new key can show before the rest of the page has arrived (the post answers with a redirect
  // to the page's own URL): the questions are read only once the whole page is there.
  await page.waitForLoadState("load");
}

/** Answers page after page until the thank-you page. */
export async function answerToTheEnd(page: Page, overrides: Record<string, string> = {}, maxPages = 20) {
  for (let i = 0; i < maxPages; i++) {
    if (await page.locator('[data-status="thanks"]').count()) return;
    // The send step after the last page: "Send my answers" completes the survey.
    if (await page.locator('button[name="_action"][value="send"]').count()) {
      await page.locator('button[name="_action"][value="send"]').click();
      await page.waitForLoadState("domcontentloaded");
      continue;
    }
    await answerVisible(page, overrides);
    await page.locator('button[name="_action"][value="next"]').click();
    await page.waitForLoadState("domcontentloaded");
  }
  await expect(page.locator('[data-status="thanks"]')).toBeVisible();
}

/**
 * A fresh wave-2 personal link from what `npm start` printed (tests/e2e/serve.mjs keeps it);
 * each call hands out a link no earlier test (or retry) has used.
 */
export function takeWave2Link(): string {
  const fs = require("node:fs") as typeof import("node:fs");
  const printed = fs.readFileSync(".e2e/start-output.txt", "utf8");
  const links = [...printed.matchAll(/Wave 2 personal link, answer as [a-z ]+\s+https?:\/\/[^/]+(\/s\/[A-Za-z0-9_-]+)/g)].map((m) => m[1]);
  const usedFile = ".e2e/used-links.txt";
  const used = fs.existsSync(usedFile) ? fs.readFileSync(usedFile, "utf8").split("\n").filter(Boolean) : [];
  const link = links.find((l) => !used.includes(l));
  if (!link) throw new Error(`No unused wave-2 link left (${links.length} printed)`);
  fs.appendFileSync(usedFile, `${link}\n`);
  return link;
}

/**
 * Takes a personal link out of the pool takeWave2Link hands out (a test that erases or otherwise
 * spends that person: otherwise a later test could be given a link that no longer leads anywhere).
 */
export function spendWave2Link(path: string): void {
  const fs = require("node:fs") as typeof import("node:fs");
  fs.mkdirSync(".e2e", { recursive: true });
  fs.appendFileSync(".e2e/used-links.txt", `${path}\n`);
}

/**
 * Serves a respondent page rendered by the server's own code (surveyPage) at
 * http://panelwave.test/s/test, with the built enhancement script, from Playwright's router, so
 * a questionnaire the demo study does not have can be tried in the browser; then opens it.
 * `script: false` serves an empty script: the page as without JavaScript, where axe can still run.
 * `definition` is what the script fetches from /r/def/… (the page's definitionUrl); without it
 * that fetch fails, as a lost connection would.
 */
export async function openRenderedPage(page: Page, html: string, o: { script?: boolean; definition?: unknown } = {}) {
  await page.route("http://panelwave.test/**", (route) => {
    const url = route.request().url();
    if (url.includes("/r/enhance.js")) return route.fulfill({ contentType: "text/javascript", body: o.script === false ? "" : readFileSync(".enhance/enhance.js", "utf8") });
    if (url.includes("/r/def/")) return o.definition === undefined ? route.fulfill({ status: 404, body: "" }) : route.fulfill({ contentType: "application/json", body: JSON.stringify(o.definition) });
    return route.fulfill({ contentType: "text/html; charset=utf-8", body: html });
  });
  await page.goto("http://panelwave.test/s/test");
}
