// Names, labels, codes and language codes with control characters or header syntax are refused
// where they enter through the API, with a 422 naming the field; nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { studies as studiesTable } from "../../../db/schema";
import * as studies from "../../../app/api/v1/studies/route";
import * as instruments from "../../../app/api/v1/studies/[study]/instruments/route";
import * as waves from "../../../app/api/v1/studies/[study]/waves/route";
import { call, json, startApiTest, userWithToken, type ApiTest } from "./helpers";

let a: ApiTest;
let owner: Awaited<ReturnType<typeof userWithToken>>;
const S = { study: "hostile-text" };
const errorsOf = async (res: Response) => {
  expect(res.status).toBe(422);
  return (await json(res)).errors as { path: string; message: string }[];
};

beforeAll(async () => {
  a = await startApiTest();
  owner = await userWithToken(a.rt, "researcher");
  expect((await call(studies.POST, "", { token: owner.token, json: { slug: S.study, name: "Hostile text", languages: ["uk", "en"] } })).status).toBe(201);
});
afterAll(async () => {
  await a?.close();
});

describe("hostile text through the API", () => {
  it("refuses a study name with a line break (it would become commands in the R and Stata files)", async () => {
    const errors = await errorsOf(await call(studies.POST, "", {
      token: owner.token,
      json: { slug: "evil", name: 'Panel\n!touch /tmp/pwned\nsystem("touch /tmp/pwned")', contactName: "Ola\u2028Nordmann", languages: ["uk"] },
    }));
    expect(errors).toEqual([
      { path: "name", message: "The study name contains a control character, U+000A (line feed) at position 6; it must be one line of plain text" },
      { path: "contactName", message: expect.stringContaining("The contact name contains a control character, U+2028 (line separator)") },
    ]);
    // A NUL is refused earlier, where the body is read, for any field (PostgreSQL cannot store it).
    const nul = await errorsOf(await call(studies.POST, "", { token: owner.token, json: { slug: "evil-nul", name: "Panel", contactName: "Ola\u0000", languages: ["uk"] } }));
    expect(nul).toEqual([{ path: "contactName", message: expect.stringContaining("U+0000") }]);
    expect((await a.t.db.select().from(studiesTable)).map((s) => s.slug)).toEqual([S.study]);
  });

  it("refuses a language code that is not a BCP 47 tag", async () => {
    const errors = await errorsOf(await call(studies.POST, "", {
      token: owner.token, json: { slug: "evil-lang", name: "Evil", languages: ["uk", "en; Domain=evil.example"], defaultLanguage: "uk\r\nX: y" },
    }));
    expect(errors).toEqual(expect.arrayContaining([
      { path: "languages.1", message: "Language must be a language code (BCP 47) such as uk, ru, nb, en or pt-BR" },
      { path: "defaultLanguage", message: "Default language must be a language code (BCP 47) such as uk, ru, nb, en or pt-BR" },
    ]));
  });

  it("refuses a questionnaire with a hostile language, code or label, each located by its path", async () => {
    const lang = "en; Domain=evil.example";
    const definition = {
      title: { [lang]: "T" }, languages: [lang], defaultLanguage: lang,
      pages: [{ id: "p1", questions: [{ name: "q", type: "single", label: { [lang]: "Q\u202Ex" }, options: [{ code: "a\nb", label: { [lang]: "A" } }] }] }],
    };
    const errors = await errorsOf(await call(instruments.POST, "", { token: owner.token, params: S, query: { name: "Evil" }, json: definition }));
    expect([...new Set(errors.map((e) => e.path))].sort()).toEqual([
      "body.languages.0", "body.defaultLanguage", `body.pages.0.questions.0.label.${lang}`, "body.pages.0.questions.0.options.0.code",
    ].sort());
  });

  it("refuses an instrument or wave name with a control character", async () => {
    const inst = await call(instruments.POST, "", {
      token: owner.token, params: S, query: { name: "Wave 1\n!touch" },
      json: { title: { en: "T" }, languages: ["en"], defaultLanguage: "en", pages: [{ id: "p", questions: [{ name: "n", type: "note", label: { en: "Hi" } }] }] },
    });
    expect((await errorsOf(inst)).map((e) => e.path)).toEqual(["name"]);
    const wave = await call(waves.POST, "", {
      token: owner.token, params: S,
      json: { name: "W\r\n!touch", slug: "w", instrumentVersionId: "00000000-0000-4000-8000-000000000000", mode: "panel", opensAt: "2030-01-01T00:00:00Z" },
    });
    expect(await errorsOf(wave)).toEqual([{ path: "name", message: expect.stringContaining("The wave name contains a control character, U+000D (carriage return)") }]);
  });
});
