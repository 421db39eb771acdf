// The booking page's time-zone detection (/r/zone.js) in a real browser: the page is rendered by
// the server's own code and served from Playwright's router with the script, in a browser whose
// zone is Tokyo; the page reloads once with ?tz=Asia/Tokyo and then stays.
import { expect, test } from "@playwright/test";
import { bookingPage, type BookingView } from "../../lib/respondent/render/booking-page";
import { ZONE_SCRIPT, zoneScriptUrl } from "../../lib/respondent/zone-script";

test.use({ timezoneId: "Asia/Tokyo" });

const slot = { id: "00000000-0000-4000-8000-000000000001", startsAt: new Date("2026-10-27T09:00:00Z"), minutes: 60, mode: "video" as const, languages: ["en"], videoUrl: null, place: null };

function page(tz: string | null): string {
  const view: BookingView = {
    state: "open", actionUrl: "/b/test", timeZone: tz ?? "Europe/Oslo", zoneChosen: tz !== null, script: tz === null ? zoneScriptUrl() : undefined,
    zones: ["Europe/Oslo", "Europe/Kyiv"], booking: null, changeable: true, changeHours: 24, free: [slot],
  };
  return bookingPage(view, { language: "en", studyName: "Study", contactName: null, contactEmail: null, languages: ["en", "uk"] });
}

test("shows the free times in the browser's zone when none was chosen, and keeps it across languages", async ({ page: p }) => {
  const asked: string[] = [];
  await p.route("http://panelwave.test/**", (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === "/r/zone.js") return route.fulfill({ contentType: "text/javascript", body: ZONE_SCRIPT });
    asked.push(url.search);
    return route.fulfill({ contentType: "text/html; charset=utf-8", body: page(url.searchParams.get("tz")) });
  });
  await p.goto("http://panelwave.test/b/test");
  await expect(p).toHaveURL(/\?tz=Asia%2FTokyo&lang=en$/);
  // 09:00 UTC is 18:00 in Tokyo.
  await expect(p.getByText("18:00–19:00")).toBeVisible();
  await expect(p.locator("select#tz")).toHaveValue("Asia/Tokyo");
  await p.getByRole("link", { name: "Українська" }).click();
  await expect(p).toHaveURL(/\?tz=Asia%2FTokyo&lang=uk$/);
  expect(asked).toEqual(["", "?tz=Asia%2FTokyo&lang=en", "?tz=Asia%2FTokyo&lang=uk"]);
  await p.screenshot({ path: "test-results/booking-zone-360.png", fullPage: true });
});

test("with scripts off the study's zone stays until the person changes it", async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false, timezoneId: "Asia/Tokyo" });
  const p = await ctx.newPage();
  await p.route("http://panelwave.test/**", (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: page(new URL(route.request().url()).searchParams.get("tz")) }));
  await p.goto("http://panelwave.test/b/test");
  await expect(p.getByText("10:00–11:00")).toBeVisible();
  await p.locator("select#tz").selectOption("Europe/Kyiv");
  await p.locator("form[action='/b/test'][method='get'] button").click();
  await expect(p).toHaveURL(/tz=Europe%2FKyiv/);
  await expect(p.getByText("11:00–12:00")).toBeVisible();
  await ctx.close();
});
