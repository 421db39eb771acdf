import { describe, expect, it } from "vitest";
import { unsubscribeToken, verifyUnsubscribeToken } from "../../../lib/mail/unsubscribe-token";

const key = Buffer.alloc(32, 3);
const id = "0f8fad5b-d9cb-469f-a165-70867728950e";

describe("unsubscribe token", () => {
  it("names the participant it was made for", () => {
    const token = unsubscribeToken(key, id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(verifyUnsubscribeToken(key, token)).toBe(id);
  });

  it.each([
    ["another key", (t: string) => t, Buffer.alloc(32, 4)],
    ["a changed MAC", (t: string) => t.slice(0, -1) + (t.endsWith("A") ? "B" : "A"), key],
    ["a changed participant id", (t: string) => (t[0] === "A" ? "B" : "A") + t.slice(1), key],
    ["a truncated token", (t: string) => t.slice(0, 40), key],
    ["junk", () => "not a token at all, not even close to one..", key],
    ["empty", () => "", key],
  ])("refuses %s", (_name, change, k) => {
    expect(verifyUnsubscribeToken(k, change(unsubscribeToken(key, id)))).toBeNull();
  });
});
