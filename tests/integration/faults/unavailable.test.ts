// While the database cannot be reached: respondents get a calm "try again in a minute" page in
// their language (503, Retry-After) with what they posted kept in its form; the API and downloads
// answer 503 problem+json; staff pages are sent to /unavailable (503). Here the configured server
// is a port nothing listens on, so every request finds the database down; no server is needed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../mail/helpers/smtp-sink";
import * as personal from "../../../app/s/[token]/route";
import * as withdraw from "../../../app/s/[token]/withdraw/route";
import * as openLink from "../../../app/j/[study]/[wave]/route";
import * as unsubscribe from "../../../app/u/[token]/route";
import * as studies from "../../../app/api/v1/studies/route";
import * as responsesExport from "../../../app/api/studies/[slug]/exports/responses/route";
import * as unavailable from "../../../app/unavailable/route";
import * as auth from "../../../app/api/auth/[...all]/route";
import { ServiceUnavailable } from "../../../lib/errors/app-error";
import { asServiceUnavailable } from "../../../lib/errors/unavailable";
import { setRuntimeForTests } from "../../../lib/runtime";

const saved = { url: process.env.DATABASE_URL, key: process.env.PERSONAL_DATA_KEY };
beforeAll(async () => {
  setRuntimeForTests(null);
  process.env.DATABASE_URL = `postgres://postgres@127.0.0.1:${await freePort()}/panelwave`;
  process.env.PERSONAL_DATA_KEY = Buffer.alloc(32, 5).toString("base64");
});
afterAll(() => {
  setRuntimeForTests(null);
  if (saved.url === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = saved.url;
  if (saved.key === undefined) delete process.env.PERSONAL_DATA_KEY;
  else process.env.PERSONAL_DATA_KEY = saved.key;
});

const TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";
const ctx = <T>(params: T) => ({ params: Promise.resolve(params) });

function post(url: string, fields: [string, string][], headers: Record<string, string> = {}) {
  return new Request(url, { method: "POST", body: new URLSearchParams(fields), headers: { "content-type": "application/x-www-form-urlencoded", ...headers } });
}

/** The hidden fields of the page's form, decoded. */
function hiddenFields(html: string): [string, string][] {
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  return [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((m) => [unescape(m[1]), unescape(m[2])]);
}

async function expectCalm503(res: Response, lang: string) {
  expect(res.status).toBe(503);
  expect(res.headers.get("retry-after")).toBe("60");
  expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
  expect(res.headers.get("cache-control")).toBe("no-store");
  const html = await res.text();
  expect(html).toContain(`<html lang="${lang}">`);
  expect(html).toContain('data-status="unavailable"');
  return html;
}

describe("respondent pages while the database cannot be reached", () => {
  it("answers a saved page with 503 in the page's language and gives back every field typed, ready to send again", async () => {
    const fields: [string, string][] = [
      ["_page", "p1"], ["_rev", "2"], ["_key", "k3y-0123456789"], ["_lang", "ru"], ["_action", "next"],
      ["where_now", "returned"], ["reasons", "work"], ["reasons", "family"],
      ["story", 'Мы вернулись в Харьков "весной" <2023> & остались\nвторая строка'],
    ];
    const res = await personal.POST(post(`http://localhost/s/${TOKEN}`, fields, { "accept-language": "nb" }), ctx({ token: TOKEN }));
    const html = await expectCalm503(res, "ru");
    expect(html).toContain("Пожалуйста, попробуйте ещё раз через минуту");
    expect(html).toContain(`<form method="post" action="/s/${TOKEN}">`);
    expect(hiddenFields(html)).toEqual(fields);
  });

  it("answers a page view with 503 in the phone's language and a link to try again", async () => {
    const res = await personal.GET(new Request(`http://localhost/s/${TOKEN}`, { headers: { "accept-language": "nb-NO,nb;q=0.9" } }), ctx({ token: TOKEN }));
    const html = await expectCalm503(res, "nb");
    expect(html).toContain(`<a href="/s/${TOKEN}">Prøv igjen</a>`);
  });

  it("answers the open link, the withdraw page and the stop-emails page the same way", async () => {
    const start = await openLink.POST(post("http://localhost/j/study/wave", [["lang", "en"]]), ctx({ study: "study", wave: "wave" }));
    expect(hiddenFields(await expectCalm503(start, "en"))).toEqual([["lang", "en"]]);
    await expectCalm503(await openLink.GET(new Request("http://localhost/j/study/wave?lang=uk"), ctx({ study: "study", wave: "wave" })), "uk");
    await expectCalm503(await withdraw.GET(new Request(`http://localhost/s/${TOKEN}/withdraw`, { headers: { cookie: "pw_lang=ru" } }), ctx({ token: TOKEN })), "ru");
    const stop = await unsubscribe.POST(post(`http://localhost/u/${TOKEN}`, [["List-Unsubscribe", "One-Click"]]), ctx({ token: TOKEN }));
    expect(hiddenFields(await expectCalm503(stop, "uk"))).toEqual([["List-Unsubscribe", "One-Click"]]);
  });
});

describe("staff and API while the database cannot be reached", () => {
  it("answers the API with 503 problem+json and Retry-After", async () => {
    const res = await studies.GET(new Request("http://localhost/api/v1/studies", { headers: { authorization: `Bearer pw_${"A".repeat(43)}` } }));
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("retry-after")).toBe("60");
    expect(await res.json()).toMatchObject({ status: 503, code: "unavailable", title: "Service unavailable" });
  });

  it("answers sign-in with 503 problem+json", async () => {
    const res = await auth.POST(new Request("http://localhost/api/auth/sign-in/email", { method: "POST", body: JSON.stringify({ email: "a@b.example", password: "x".repeat(12) }), headers: { "content-type": "application/json" } }));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("60");
  });

  it("answers a download with 503 problem+json", async () => {
    const res = await responsesExport.GET(new Request("http://localhost/api/studies/demo/exports/responses"), ctx({ slug: "demo" }));
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("retry-after")).toBe("60");
  });

  it("serves /unavailable, where staff pages send the browser, as a 503 with a link back to a path on this site only", async () => {
    const back = await unavailable.GET(new Request("http://localhost/unavailable?next=%2Fstudies%2Fdemo%3Ftab%3Dwaves"));
    expect(await expectCalm503(back, "en")).toContain('<a href="/studies/demo?tab=waves">Try again</a>');
    const away = await unavailable.GET(new Request("http://localhost/unavailable?next=%2F%2Fevil.example"));
    expect(await away.text()).toContain('<a href="/studies">Try again</a>');
  });
});

describe("recognising the database's unavailability", () => {
  it("knows a ServiceUnavailable thrown by another bundle's copy of lib/errors (Next splits lib/ into chunks)", () => {
    // The production build gives each chunk its own copy of the class, with a shortened name.
    class f extends Error {
      code = "unavailable";
      status = 503;
      issues = [];
      retryAfterSeconds = 60;
    }
    const fromElsewhere = new f("The database cannot be reached just now; try again in a minute");
    expect(fromElsewhere).not.toBeInstanceOf(ServiceUnavailable);
    expect(asServiceUnavailable(fromElsewhere)).toBeInstanceOf(ServiceUnavailable);
    expect(asServiceUnavailable(Object.assign(new Error("Failed to get session"), { cause: fromElsewhere }))).toBeInstanceOf(ServiceUnavailable);
    expect(asServiceUnavailable(Object.assign(new Error("x"), { code: "not_found", status: 404 }))).toBeNull();
  });
});
