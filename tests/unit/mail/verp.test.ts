// The VERP return path: signed per message, read back only on our domain with a valid tag.
import { describe, expect, it } from "vitest";
import { bounceDomainOf, readVerpAddress, verpAddress } from "../../../lib/mail/bounces/verp";

const key = Buffer.alloc(32, 7);
const other = Buffer.alloc(32, 8);

describe("VERP addresses", () => {
  it("round-trips an outbox id on the bounce domain, whatever the case of the address", () => {
    const a = verpAddress(key, 12345, "Bounces.Example.org");
    expect(a).toMatch(/^bounce\+12345-[0-9a-f]{16}@bounces\.example\.org$/);
    expect(readVerpAddress(key, a, "bounces.example.org")).toBe(12345);
    expect(readVerpAddress(key, a.toUpperCase(), "bounces.example.org")).toBe(12345);
  });

  it("refuses a forged tag, another id with a valid tag, another key and another domain", () => {
    const a = verpAddress(key, 12345, "bounces.example.org");
    const tag = /-([0-9a-f]+)@/.exec(a)![1];
    expect(readVerpAddress(key, a.replace(tag, "0".repeat(16)), "bounces.example.org")).toBeNull();
    expect(readVerpAddress(key, a.replace("+12345-", "+12346-"), "bounces.example.org")).toBeNull();
    expect(readVerpAddress(other, a, "bounces.example.org")).toBeNull();
    expect(readVerpAddress(key, a.replace("@bounces.", "@evil."), "bounces.example.org")).toBeNull();
    expect(readVerpAddress(key, a.replace(tag, tag.slice(0, 8)), "bounces.example.org")).toBeNull();
    for (const junk of ["", "@", "bounce+@bounces.example.org", "bounce+0-00@bounces.example.org", "bounce+99999999999999999-aa@bounces.example.org"]) {
      expect(readVerpAddress(key, junk, "bounces.example.org")).toBeNull();
    }
  });

  it("takes the bounce domain from the configuration, else from the From address", () => {
    expect(bounceDomainOf("Panelwave <no-reply@Panel.Example.org>", null)).toBe("panel.example.org");
    expect(bounceDomainOf("no-reply@panel.example.org", "bounces.example.org")).toBe("bounces.example.org");
  });
});
