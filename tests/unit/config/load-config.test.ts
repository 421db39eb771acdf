// Every setting is read in lib/config: its default, its parsed value, and a start-up error that
// names the variable when the value is wrong.
import { describe, expect, it } from "vitest";
import { configuredDbKind, loadConfig, loadDatabaseSettings } from "../../../lib/config/load-config";

const key = { PERSONAL_DATA_KEY: Buffer.alloc(32, 5).toString("base64") };
const server = { ...key, DATABASE_URL: "postgres://panel@db.example:5432/panelwave" };

describe("loadConfig", () => {
  it("has the documented defaults", () => {
    const c = loadConfig(key);
    expect(c).toMatchObject({
      dataDir: ".data", databasePoolSize: 20, apiRateLimit: { capacity: 120, refillPerSecond: 2 }, workerEnabled: true,
      mailRatePerSecond: null, mailDrainSlots: 1, firstAdmin: null, seedDemo: true, demoLinks: 3,
      bounceDomain: null, bounceSmtpPort: null, bounceSmtpHost: "0.0.0.0", bounceSmtpRatePerMinute: 600,
    });
    expect(c.databaseUrl).toBeUndefined();
    expect(loadConfig(server).seedDemo).toBe(false);
  });

  it("reads each setting", () => {
    const c = loadConfig({
      ...server, DATABASE_POOL_SIZE: "5", API_RATE_LIMIT: " 10 / 0.5 ", PANELWAVE_WORKER: "0", MAIL_RATE_PER_SECOND: "2.5",
      MAIL_DRAIN_SLOTS: "3", ADMIN_EMAIL: "boss@example.org", ADMIN_PASSWORD: "secret secret", PANELWAVE_DEMO: "1", PANELWAVE_DEMO_LINKS: "24",
      BOUNCE_DOMAIN: "Bounces.Example.org", BOUNCE_SMTP_PORT: "2525", BOUNCE_SMTP_HOST: "127.0.0.1", BOUNCE_SMTP_RATE: "6000",
      HTTP_COMPRESSION: "0",
    });
    expect(c).toMatchObject({
      databaseUrl: server.DATABASE_URL, databasePoolSize: 5, apiRateLimit: { capacity: 10, refillPerSecond: 0.5 }, workerEnabled: false,
      mailRatePerSecond: 2.5, mailDrainSlots: 3, firstAdmin: { email: "boss@example.org", password: "secret secret" }, seedDemo: true, demoLinks: 24,
      bounceDomain: "bounces.example.org", bounceSmtpPort: 2525, bounceSmtpHost: "127.0.0.1", bounceSmtpRatePerMinute: 6000,
      httpCompression: false,
    });
    expect(loadConfig(key).httpCompression).toBe(true);
    expect(loadConfig({ ...key, ADMIN_EMAIL: "boss@example.org" }).firstAdmin).toBeNull();
  });

  it.each([
    ["DATABASE_POOL_SIZE", "many"], ["DATABASE_POOL_SIZE", "0"],
    ["API_RATE_LIMIT", "fast"], ["API_RATE_LIMIT", "0/2"], ["API_RATE_LIMIT", "120"],
    ["MAIL_RATE_PER_SECOND", "-1"], ["MAIL_RATE_PER_SECOND", "ten"], ["MAIL_RATE_PER_SECOND", "0"],
    ["MAIL_DRAIN_SLOTS", "0"], ["MAIL_DRAIN_SLOTS", "1.5"],
    ["PANELWAVE_WORKER", "yes"], ["HTTP_COMPRESSION", "off"], ["PANELWAVE_DEMO", "true"], ["PANELWAVE_DEMO_LINKS", "-1"],
    ["BOUNCE_DOMAIN", "not a domain"], ["BOUNCE_DOMAIN", "bounce@example.org"], ["BOUNCE_SMTP_PORT", "0"], ["BOUNCE_SMTP_PORT", "70000"], ["BOUNCE_SMTP_RATE", "0"],
  ])("refuses %s=%s, naming the variable", (name, value) => {
    expect(() => loadConfig({ ...key, [name]: value })).toThrow(new RegExp(`^${name} must`));
  });

  it("refuses an empty DATABASE_URL before anything is written", () => {
    expect(() => loadDatabaseSettings({ DATABASE_URL: " " })).toThrow(/DATABASE_URL is set but empty/);
    expect(() => loadConfig({ DATABASE_URL: "", DATA_DIR: "/nonexistent/never-created" })).toThrow(/DATABASE_URL is set but empty/);
  });

  it("names the configured database kind without checking the rest", () => {
    expect(configuredDbKind({})).toBe("pglite");
    expect(configuredDbKind({ DATABASE_URL: "postgres://x@y/z", DATABASE_POOL_SIZE: "bad" })).toBe("postgres");
  });
});
