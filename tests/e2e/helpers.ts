import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
import { expect, type Page } from "@playwright/test";

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

/** Answers page after page until the thank-you page. */
export async function answerToTheEnd(page: Page, overrides: Record<string, string> = {}, maxPages = 20) {
  for (let i = 0; i < maxPages; i++) {
    if (await page.locator('[data-status="thanks"]').count()) return;
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
