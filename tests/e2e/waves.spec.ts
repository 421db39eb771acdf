// A researcher's waves, in the browser: schedule a wave with times in the study's zone, change it
// before it opens, see the zone next to every time, delete it; the open link with its QR code;
// "send myself a test" shows the very message. Every wave page at 360 and 1280 px: no sideways
// scrolling, no axe violations.
import { expect, test, type Page } from "@playwright/test";
import { axeViolations, demoResearcher, signIn } from "./helpers";

const STUDY = "/studies/ua-norway";
const ZONE = "Europe/Oslo";

/** The page at a phone's and a desktop's width: nothing wider than the screen, nothing axe finds. */
async function checkLayout(page: Page, problems: string[]) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) problems.push(`${page.url()} at ${width} px: ${overflow} px too wide`);
    for (const v of await axeViolations(page, "iframe[sandbox]")) problems.push(`${page.url()} at ${width} px: ${v}`);
  }
  await page.setViewportSize({ width: 412, height: 915 });
}

test("a researcher schedules a wave in the study's time zone, changes it before it opens, and deletes it", async ({ page }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  await signIn(page, demoResearcher(), `${STUDY}/waves/new`);
  // Every time field names the zone; the consent is chosen from a list.
  await expect(page.getByText(`Times are in the study's time zone, ${ZONE}, wherever you are.`)).toBeVisible();
  const consent = page.getByLabel("Consent the panel must have given");
  await expect(consent.locator("option")).toContainText(["Follow-up surveys", "Being contacted for an interview"]);
  await checkLayout(page, problems);

  const slug = `wave-tz-${Date.now().toString(36)}`;
  await page.getByLabel("Name", { exact: true }).fill("Wave in Oslo time");
  await page.getByLabel("Short name in links").fill(slug);
  await page.getByLabel(`Opens (${ZONE} time)`).fill("2031-01-10T09:00");
  await page.getByLabel(`Closes (${ZONE} time, optional)`).fill("2031-02-28T23:00");
  await consent.selectOption({ label: "Follow-up surveys" });
  await page.getByRole("button", { name: "Schedule the wave" }).click();
  await expect(page).toHaveURL(new RegExp(`${STUDY}/waves/${slug}$`));

  // The wave's page: the times as typed, the zone next to each.
  const facts = page.locator("dl.wave-facts");
  await expect(facts).toContainText(`Opens2031-01-10 09:00 ${ZONE}`);
  await expect(facts).toContainText(`Closes2031-02-28 23:00 ${ZONE}`);
  await expect(facts).toContainText("consent to “Follow-up surveys”");
  await checkLayout(page, problems);

  // Changed before it opens: the form shows the stored times in the study's zone.
  await page.getByRole("link", { name: "Change the wave" }).click();
  await expect(page.getByLabel(`Opens (${ZONE} time)`)).toHaveValue("2031-01-10T09:00");
  await checkLayout(page, problems);
  await page.getByLabel("Name", { exact: true }).fill("Wave in Oslo time, later");
  // 30 March 2031, 02:30: the hour the clocks skip in Oslo, read as 03:30.
  await page.getByLabel(`Opens (${ZONE} time)`).fill("2031-03-30T02:30");
  await page.getByLabel(`Closes (${ZONE} time, optional)`).fill("2031-04-30T23:00");
  await page.getByRole("button", { name: "Save the changes" }).click();
  await expect(page).toHaveURL(new RegExp(`${STUDY}/waves/${slug}\\?saved=1$`));
  await expect(page.getByRole("status").filter({ hasText: "The wave is saved." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Wave in Oslo time, later");
  await expect(facts).toContainText(`Opens2031-03-30 03:30 ${ZONE}`);

  // The list names the zone too.
  await page.goto(`${STUDY}/waves`);
  const row = page.getByRole("row").filter({ hasText: "Wave in Oslo time, later" });
  await expect(row).toContainText(`2031-03-30 03:30 ${ZONE}`);
  await checkLayout(page, problems);

  // Deleted after a confirmation step.
  await page.goto(`${STUDY}/waves/${slug}`);
  await page.getByRole("link", { name: "Delete the wave" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Delete Wave in Oslo time, later?");
  await checkLayout(page, problems);
  await page.getByRole("button", { name: "Delete Wave in Oslo time, later" }).click();
  await expect(page).toHaveURL(new RegExp(`${STUDY}/waves\\?deleted=${slug}$`));
  await expect(page.getByRole("status").filter({ hasText: `The wave “${slug}” is deleted.` })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Wave in Oslo time, later" })).toHaveCount(0);
  expect(problems).toEqual([]);
});

test("an open link is shown in full with a copy button and a QR code to print; a test email is shown to its sender", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  await signIn(page, demoResearcher(), `${STUDY}/waves/refresh`);
  const link = `${baseURL}/j/ua-norway/refresh`;
  await expect(page.getByRole("link", { name: link })).toBeVisible();
  await expect(page.getByRole("button", { name: "Copy the open link" })).toBeVisible();
  const qr = page.getByRole("img", { name: `QR code of ${link}` });
  await expect(qr).toBeVisible();
  expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml;base64,/);
  await checkLayout(page, problems);

  await page.getByRole("link", { name: "Printable QR code for flyers" }).click();
  await expect(page.getByRole("img", { name: `QR code of ${link}` })).toBeVisible();
  await expect(page.getByText(link, { exact: true })).toBeVisible();
  await checkLayout(page, problems);
  const svg = await page.request.get(`${STUDY}/waves/refresh/qr-code`);
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toBe("image/svg+xml");
  expect(await svg.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);

  // "Send myself a test" in Norwegian: the page that follows is that message.
  await page.goto(`${STUDY}/waves/emails?template=reminder&lang=nb`);
  await page.getByRole("button", { name: "Send myself a test" }).click();
  await expect(page).toHaveURL(new RegExp(`${STUDY}/waves/emails/test/[0-9a-f-]{36}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your test message");
  const meta = page.locator("dl.email-meta");
  await expect(meta).toContainText("[Test] Påminnelse");
  await expect(meta).toContainText("reminder, language nb");
  await expect(meta).toContainText(ZONE);
  await expect(page.locator("iframe[sandbox]")).toHaveAttribute("srcdoc", /Påminnelse/);
  await expect(page.locator("pre")).not.toBeEmpty();
  await checkLayout(page, problems);
  expect(problems).toEqual([]);
});

test("without JavaScript the wave forms still post: a refused extension says why, a test send shows its message", async ({ browser, page }) => {
  await signIn(page, demoResearcher(), `${STUDY}/waves/refresh`);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await context.newPage();
  await plain.goto(`${STUDY}/waves/refresh`);
  // The link is there to select and copy by hand; the copy button needs a script.
  await expect(plain.locator("a.open-link")).toBeVisible();
  await expect(plain.getByRole("button", { name: "Copy the open link" })).toHaveCount(0);
  // A day before its present closing time (and after it opened): a running wave only closes later.
  const closing = plain.getByLabel(`New closing time (${ZONE} time)`);
  const now = await closing.inputValue();
  await closing.fill(new Date(Date.parse(`${now}:00Z`) - 86_400_000).toISOString().slice(0, 16));
  await plain.getByRole("button", { name: "Extend the wave" }).click();
  await expect(plain.locator(".error-summary")).toContainText("While the wave runs, its closing time can only move later");
  await expect(plain.locator("#closesAt-error")).toHaveText("While the wave runs, its closing time can only move later");

  await plain.goto(`${STUDY}/waves/emails?template=invitation&lang=uk`);
  await plain.getByRole("button", { name: "Send myself a test" }).click();
  await expect(plain).toHaveURL(new RegExp(`${STUDY}/waves/emails/test/[0-9a-f-]{36}$`));
  await expect(plain.locator("dl.email-meta")).toContainText("[Test]");
  await context.close();
});
