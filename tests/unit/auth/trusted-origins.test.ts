// Which origins may post to /api/auth: PUBLIC_URL, and localhost only for a local PUBLIC_URL.
import { describe, expect, it } from "vitest";
import { trustedOrigins } from "../../../lib/auth/trusted-origins";

describe("trustedOrigins", () => {
  it("is only PUBLIC_URL in production", () => {
    expect(trustedOrigins("https://survey.example.org")).toEqual(["https://survey.example.org"]);
    expect(trustedOrigins("https://survey.example.org/panel").join(" ")).not.toMatch(/localhost|127\.0\.0\.1/);
  });

  it("adds any localhost port when PUBLIC_URL is itself localhost", () => {
    expect(trustedOrigins("http://localhost:3000")).toEqual(["http://localhost:3000", "http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*"]);
    expect(trustedOrigins("http://127.0.0.1:8080")).toContain("http://localhost:*");
  });
});
