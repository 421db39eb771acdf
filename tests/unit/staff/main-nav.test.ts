// The staff header marks where the user is: the page itself, or a page below a section.
import { describe, expect, it } from "vitest";
import { currentFor } from "../../../app/(staff)/main-nav";

describe("currentFor", () => {
  it.each([
    ["/studies", "/studies", "page"],
    ["/studies/ua-norway/exports", "/studies", "true"],
    ["/admin/mailbox/3", "/admin", "true"],
    ["/administrators", "/admin", undefined],
    ["/account", "/studies", undefined],
  ] as const)("%s under the link %s is %s", (path, href, want) => {
    expect(currentFor(path, href)).toBe(want);
  });
});
