import { describe, expect, it } from "vitest";
import { isLocalPath } from "../../../lib/auth/local-path";

describe("where sign-in may return to", () => {
  it.each(["/studies", "/studies/ua-norway/reports?wave=wave-2&question=reasons", "/admin/audit?action=export.responses"])("accepts %s", (p) => {
    expect(isLocalPath(p)).toBe(true);
  });
  it.each(["//evil.example", "/\\evil.example", "https://evil.example/", "studies", "", "/studies\nSet-Cookie: x"])("refuses %j", (p) => {
    expect(isLocalPath(p)).toBe(false);
  });
});
