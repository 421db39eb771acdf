// Interviews end to end on a phone: a researcher publishes two slots and sends a leaver the
// interview request in Ukrainian; the leaver books from the link in it (times in Kyiv, the phone's
// zone, detected), the confirmation with its .ics arrives in the local mailbox, the leaver moves the interview (an
// updated .ics, same UID, SEQUENCE 1), and the board shows them agreed. axe on every screen,
// screenshots at 360 and 1280 px.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { ADMIN, axeViolations, demoResearcher, signIn } from "./helpers";

const STUDY = "/studies/ua-norway";
// The leaver's phone is set to Kyiv's zone: the booking page detects it (/r/zone.js).
test.use({ timezoneId: "Europe/Kyiv" });
const SHOTS = "test-results/interviews";

/** "YYYY-MM-DDTHH:mm" in Oslo, `days` from now at `time`. */
function osloDay(days: number, time: string): string {
  const d = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo", dateStyle: "short" }).format(new Date(Date.now() + days * 86_400_000));
  return `${d}T${time}`;
}

async function checkScreen(page: Page, what: string, shot?: string, exclude?: string) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${what} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
    expect(await axeViolations(page, exclude), `${what} at ${width} px`).toEqual([]);
    if (shot) await page.screenshot({ path: `${SHOTS}/${shot}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 412, height: 915 });
}

async function staffPage(browser: Browser, who: { email: string; password: string }, path: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await signIn(page, who, path);
  return page;
}

/** The newest local-mailbox message whose row matches, opened; returns its plain text. */
async function openMail(admin: Page, match: RegExp, to?: string): Promise<string> {
  const rows = () => {
    const r = admin.locator("tbody tr").filter({ hasText: match });
    return to ? r.filter({ hasText: to }) : r;
  };
  await expect.poll(async () => {
    await admin.goto("/admin/mailbox");
    return rows().count();
  }, { timeout: 60_000, intervals: [500, 1000, 2000] }).toBeGreaterThan(0);
  await rows().first().getByRole("link").click();
  await expect(admin.locator("pre").last()).not.toBeEmpty();
  return (await admin.locator("pre").last().textContent())!;
}

test("a leaver books an interview in Ukrainian from the request, gets the .ics, moves it; the board shows agreed", async ({ page: person, browser }) => {
  test.setTimeout(300_000);
  const researcher = await staffPage(browser, demoResearcher(), `${STUDY}/interviews`);

  // 1. Two slots, 10:00 and 14:30 in Oslo, a week ahead.
  const form = researcher.getByRole("form", { name: "Publish an interview slot" });
  for (const [days, time] of [[7, "10:00"], [8, "14:30"]] as const) {
    await form.getByLabel("Start", { exact: true }).fill(osloDay(days, time));
    await form.getByLabel("Video link (for video)").fill("https://meet.example.org/e2e-room");
    await form.getByRole("button", { name: "Publish slot" }).click();
    await expect(researcher.getByText("Slot published.")).toBeVisible();
  }
  await checkScreen(researcher, "the interviews screen", "staff-slots");

  // 2. The interview request to a flagged leaver who speaks Ukrainian.
  await researcher.goto(`${STUDY}/recruitment?status=flagged`);
  const row = researcher.locator("tbody tr").filter({ hasText: "· uk" }).filter({ has: researcher.getByRole("link", { name: "Send interview request…" }) }).first();
  const code = (await row.locator("code").first().textContent())!.trim();
  await row.getByRole("link", { name: "Send interview request…" }).click();
  await expect(researcher).toHaveURL(/\/recruitment\/request\//);
  await expect(researcher.getByRole("heading", { level: 2 })).toContainText("чи погодитеся ви на інтерв’ю");
  await researcher.getByRole("button", { name: "Send this request" }).click();
  await expect(researcher).toHaveURL(/done=invited/);

  // 3. The request in the local mailbox carries the person's booking link.
  const admin = await staffPage(browser, ADMIN, "/admin/mailbox");
  const request = await openMail(admin, /чи погодитеся ви на інтерв’ю/);
  const to = (await admin.locator("tr", { has: admin.getByRole("rowheader", { name: "To", exact: true }) }).locator("td").textContent())!.trim();
  const link = /https?:\/\/[^\s/]+(\/b\/[A-Za-z0-9_-]{43})/.exec(request)?.[1];
  expect(link, "the request carries a booking link").toBeTruthy();

  // 4. The leaver books on their phone, in their zone (Kyiv is an hour ahead of Oslo).
  await person.goto(link!);
  await expect(person.locator("html")).toHaveAttribute("lang", "uk");
  await expect(person.getByRole("heading", { level: 1 })).toContainText("оберіть час для інтерв’ю");
  // The page found the phone's zone by itself (no choice made yet) and shows Kyiv times.
  // (Chromium reports the old name Europe/Kiev; the page shows it under the current one.)
  await expect(person).toHaveURL(/[?&]tz=Europe%2FKi(e|y)v/);
  await expect(person.getByLabel("Часовий пояс")).toHaveValue("Europe/Kyiv");
  await expect(person.getByLabel(/^11:00–12:00/)).toBeVisible();
  await checkScreen(person, "the booking page", "booking-choose");
  // Without the consent to be interviewed nothing is booked; the summary says why.
  await person.getByLabel(/^11:00–12:00/).check();
  await person.evaluate(() => document.querySelectorAll("[required]").forEach((e) => e.removeAttribute("required")));
  await person.getByRole("button", { name: "Забронювати" }).click();
  await expect(person.locator("#error-summary")).toContainText("потрібна ваша згода");
  await person.getByLabel(/^11:00–12:00/).check();
  await person.getByLabel(/Я погоджуюся взяти участь в інтерв’ю/).check();
  await person.getByLabel(/Я погоджуюся, щоб інтерв’ю записували/).check();
  await person.getByRole("button", { name: "Забронювати" }).click();
  await expect(person.getByRole("heading", { level: 1 })).toHaveText("Ваше інтерв’ю заброньовано");
  await expect(person.locator("[data-booking]")).toContainText("11:00 (Europe/Kyiv)");
  await checkScreen(person, "the booked interview", "booking-booked");

  // 5. The confirmation and its calendar file in the local mailbox.
  await openMail(admin, /інтерв’ю заброньовано/, to);
  await expect(admin.getByText("interview.ics")).toBeVisible();
  const ics1 = (await admin.locator("pre.attachment").textContent())!;
  expect(ics1).toContain("METHOD:REQUEST");
  expect(ics1).toContain("SEQUENCE:0");
  const uid = /UID:(\S+)/.exec(ics1)![1];

  // 6. The leaver moves the interview to the other time.
  await person.getByLabel(/^15:30–16:30/).check();
  await person.getByRole("button", { name: "Перенести на цей час" }).click();
  await expect(person.locator("[data-booking]")).toContainText("15:30 (Europe/Kyiv)");
  await openMail(admin, /інтерв’ю перенесено/, to);
  const ics2 = (await admin.locator("pre.attachment").textContent())!;
  expect(ics2).toContain(`UID:${uid}`);
  expect(ics2).toContain("SEQUENCE:1");
  await admin.screenshot({ path: `${SHOTS}/mailbox-moved-1280.png`, fullPage: true });

  // 7. The board shows them agreed; the slot shows their code.
  await researcher.goto(`${STUDY}/recruitment?status=agreed`);
  await expect(researcher.locator("tbody tr", { hasText: code })).toContainText("Agreed");
  await researcher.goto(`${STUDY}/interviews`);
  await expect(researcher.locator("tbody tr", { hasText: code })).toBeVisible();
  await checkScreen(researcher, "the interviews screen with a booking", "staff-booked");
  await expect(researcher.locator("a[href^='mailto:']")).toHaveCount(0);

  // 8. An admin lets the study's researchers see booked people's email, then takes it back.
  await admin.goto(`${STUDY}/interviews`);
  await admin.getByRole("button", { name: "Let researchers see the emails" }).click();
  await expect(admin.getByRole("status")).toContainText("now see booked people's email");
  await researcher.goto(`${STUDY}/interviews`);
  await expect(researcher.locator("tbody tr", { hasText: code }).locator("a[href^='mailto:']")).toBeVisible();
  await checkScreen(researcher, "the interviews screen with emails", "staff-emails");
  await admin.getByRole("button", { name: "Show researchers codes only" }).click();
  await expect(admin.getByRole("status")).toContainText("codes only");
});

