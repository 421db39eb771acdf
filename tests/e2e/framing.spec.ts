// Clickjacking: the built server answers every kind of page with anti-framing headers, the
// respondent pages keep their whole Content-Security-Policy, another site's frame stays empty in
// Chromium, and the app's own instrument preview frame still shows.
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { ADMIN, signIn, takeWave2Link } from "./helpers";

const denies = (res: APIResponse) => ({ xfo: res.headers()["x-frame-options"], csp: res.headers()["content-security-policy"] });

test("every staff, API and respondent response forbids framing; respondent pages keep their own policy", async ({ request }) => {
  for (const path of ["/", "/signin", "/forgot-password", "/studies", "/admin/mailbox", "/api/health", "/api/v1/openapi.json", "/api/v1/me", "/no-such-page"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(denies(res), path).toEqual({ xfo: "DENY", csp: "frame-ancestors 'none'" });
  }
  for (const path of [takeWave2Link(), "/j/ua-norway/refresh", "/u/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "/s/not-a-token"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    const h = denies(res);
    expect(h.xfo, path).toBe("DENY");
    expect(h.csp, path).toMatch(/^default-src 'none'; .*frame-ancestors 'none'$/);
  }
  expect((await request.get("/s/x/no/such/page", { maxRedirects: 0 })).headers()["x-frame-options"]).toBe("DENY");
});

/**
 * What a page of another origin shows when it frames `url`: the attacker's page is served (by
 * Playwright) at 127.0.0.1, another origin than the app's localhost, and as local as the app, so
 * Chromium's private-network rules do not block the frame themselves.
 */
async function framedBy(page: Page, baseURL: string, path: string) {
  const attacker = baseURL.replace("//localhost:", "//127.0.0.1:") + "/__attacker";
  await page.route(attacker, (r) => r.fulfill({ contentType: "text/html", body: `<!doctype html><iframe src="${baseURL}${path}" width="400" height="400"></iframe>` }));
  await page.goto(attacker);
  await page.waitForTimeout(1500);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  return frame ? frame.evaluate(() => document.body?.innerText ?? "").catch(() => "") : "";
}

test("Chromium shows nothing of a Panelwave page framed by another site", async ({ page, baseURL }) => {
  // The control: a page of the app's origin without the headers does show in the attacker's frame.
  await page.route(`${baseURL}/__control`, (r) => r.fulfill({ contentType: "text/html", body: "<p>framed control page</p>" }));
  expect(await framedBy(page, baseURL!, "/__control")).toContain("framed control page");
  expect(await framedBy(page, baseURL!, "/signin")).not.toContain("Password");
  expect(await framedBy(page, baseURL!, takeWave2Link())).not.toMatch(/Next|Далі|Дальше|Neste/);
});

test("the instrument preview frame is framed by the app's own pages, and by no one else", async ({ page, request, baseURL }) => {
  await signIn(page, ADMIN, "/studies/ua-norway/instruments");
  const version = await page.locator("a[href]").evaluateAll((links) =>
    links.map((a) => a.getAttribute("href") ?? "").find((h) => /\/instruments\/[0-9a-f-]{36}$/.test(h)));
  await page.goto(version!);
  const frame = page.locator("iframe.inst-phone");
  await expect(page.frameLocator("iframe.inst-phone").locator("form#survey")).toBeVisible();
  const src = (await frame.getAttribute("src"))!;
  const res = await page.request.get(src);
  expect(res.headers()["x-frame-options"]).toBe("SAMEORIGIN");
  expect(res.headers()["content-security-policy"]).toMatch(/frame-ancestors 'self'/);
  expect(await framedBy(page, baseURL!, src)).not.toMatch(/Next|Далі|Дальше|Neste|Далее/);
  expect((await request.get(src, { maxRedirects: 0 })).status()).not.toBe(200);
});
