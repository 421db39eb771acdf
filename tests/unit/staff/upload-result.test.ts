// The result of a plain-post upload rides in a cookie: it must fit one, and show only on its page.
import { describe, expect, it } from "vitest";
import { readUploadResult, uploadResultCookie } from "../../../app/(staff)/studies/[slug]/instruments/upload-result";

const value = (setCookie: string) => /^pw-upload-result=([^;]+)/.exec(setCookie)![1];

describe("uploadResultCookie", () => {
  it("keeps as many problems as fit in a cookie and counts the rest", () => {
    const issues = Array.from({ length: 200 }, (_, n) => ({ path: "survey", sheet: "survey", row: n + 2, column: "type", message: `Problem number ${n} with a long explanation of what is wrong` }));
    const { id, setCookie } = uploadResultCookie("/studies/x/instruments/new", { file: "big.xlsx", message: "Invalid", issues });
    expect(setCookie.length).toBeLessThan(4000);
    expect(setCookie).toMatch(/; Path=\/studies\/x\/instruments\/new; Max-Age=120; HttpOnly; SameSite=Lax$/);
    const r = readUploadResult(value(setCookie), id)!;
    expect(r.issues.length).toBeGreaterThan(10);
    expect(r.issues.length + r.more).toBe(200);
    expect(r.issues[0]).toEqual(issues[0]);
  });

  it("is read only with its own id, and a forged or broken cookie reads as nothing", () => {
    const { id, setCookie } = uploadResultCookie("/p", { file: "f.json", message: "", issues: [] });
    expect(readUploadResult(value(setCookie), id)).toMatchObject({ file: "f.json", issues: [], more: 0 });
    expect(readUploadResult(value(setCookie), "other")).toBeNull();
    expect(readUploadResult("not base64 json", id)).toBeNull();
    expect(readUploadResult(undefined, id)).toBeNull();
  });
});
