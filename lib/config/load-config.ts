import { createHmac, randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import { join } from "node:path";
import { ConfigError } from "../errors/config-error";
import { dataDirError, ensureDataDir } from "../../db/data-dir";

/**
 * Which reverse proxies may tell us the client's address in X-Forwarded-For: none (the socket's
 * address is the client), a number of proxy hops in front of the app, or the proxies' addresses
 * and CIDR ranges.
 */
export type TrustProxy = null | { hops: number } | { ranges: string[] };

/** Which database to open (db/client.ts openDb): read without writing anything. */
export type DatabaseSettings = {
  /** DATABASE_URL: the PostgreSQL server; unset, the embedded database in dataDir. */
  databaseUrl?: string;
  /** DATA_DIR, default .data. */
  dataDir: string;
  /** DATABASE_POOL_SIZE: connections per instance to the server, default 20. */
  databasePoolSize: number;
};

/** API_RATE_LIMIT="burst/perSecond": each API token's token bucket (lib/api/rate-limit.ts). */
export type ApiRateLimit = { capacity: number; refillPerSecond: number };

export type Config = DatabaseSettings & {
  port: number;
  publicUrl: string;
  smtpUrl?: string;
  mailFrom: string;
  /** 32 bytes: encrypts personal data; sub-keys are derived from it. */
  personalDataKey: Buffer;
  authSecret: string;
  /** Days a local-mailbox message is kept before it is deleted (MAILBOX_RETENTION_DAYS, default 30). */
  mailboxRetentionDays: number;
  /** TRUST_PROXY: whose X-Forwarded-For to believe (lib/http/client-ip.ts). */
  trustProxy: TrustProxy;
  /** API_RATE_LIMIT, default 120/2. */
  apiRateLimit: ApiRateLimit;
  /** PANELWAVE_WORKER: false (0) starts no job worker in this instance; default true. */
  workerEnabled: boolean;
  /** HTTP_COMPRESSION: false (0) when a reverse proxy compresses; default true (scripts/server.mjs reads it too). */
  httpCompression: boolean;
  /** MAIL_RATE_PER_SECOND: emails a second from each drain of the outbox; null: no limit. */
  mailRatePerSecond: number | null;
  /** MAIL_DRAIN_SLOTS: outbox drains that may run at once across all instances, default 1. */
  mailDrainSlots: number;
  /** ADMIN_EMAIL and ADMIN_PASSWORD: the first admin to create on start, if both are set. */
  firstAdmin: { email: string; password: string } | null;
  /** PANELWAVE_DEMO: seed the demo study; default on with the embedded database only. */
  seedDemo: boolean;
  /** BOUNCE_DOMAIN: the domain of the VERP return paths; null: the MAIL_FROM address's domain. */
  bounceDomain: string | null;
  /** BOUNCE_SMTP_PORT: the port of the inbound listener for bounce reports; null: no listener. */
  bounceSmtpPort: number | null;
  /** BOUNCE_SMTP_HOST: the address it listens on, default 0.0.0.0. */
  bounceSmtpHost: string;
  /** BOUNCE_SMTP_RATE: messages a minute each client may send it, default 600. */
  bounceSmtpRatePerMinute: number;
  /** PANELWAVE_DEMO_LINKS: how many demo personal links `npm start` prints, default 3. */
  demoLinks: number;
};

/** How long the local mailbox keeps a message unless MAILBOX_RETENTION_DAYS says otherwise. */
export const DEFAULT_MAILBOX_RETENTION_DAYS = 30;

function decodeKey(raw: string, name: string): Buffer {
  const text = raw.trim();
  // Buffer.from(…, "base64") skips characters that are not base64: check the form first.
  const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(text) ? Buffer.from(text, "base64") : Buffer.alloc(0);
  if (key.length !== 32) {
    throw new ConfigError(`${name} must be 32 bytes in base64 (generate one with: openssl rand -base64 32)`);
  }
  return key;
}

function parseTrustProxy(raw: string | undefined): TrustProxy {
  const v = raw?.trim() ?? "";
  if (v === "" || v === "0" || v.toLowerCase() === "false") return null;
  if (/^\d+$/.test(v)) return { hops: Number(v) };
  const ranges = v.split(",").map((r) => r.trim()).filter(Boolean);
  for (const r of ranges) {
    const [addr, bits, extra] = r.split("/");
    const family = isIP(addr);
    const max = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= max))) {
      throw new ConfigError(
        `TRUST_PROXY must be a number of proxy hops (e.g. 1) or a comma-separated list of proxy addresses or CIDR ranges (e.g. 127.0.0.1,10.0.0.0/8), not "${raw}"`,
      );
    }
  }
  return { ranges };
}

type Env = Record<string, string | undefined>;

/** A whole number in [min, max], `fallback` when unset or empty; a ConfigError naming `name` otherwise. */
function wholeNumber(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = (env[name] ?? "").trim();
  if (raw === "") return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${env[name]}"`);
  return n;
}

/** "0" or "1" (unset or empty: `fallback`); a ConfigError naming `name` otherwise. */
function onOff(env: Env, name: string, fallback: boolean): boolean {
  const raw = (env[name] ?? "").trim();
  if (raw === "") return fallback;
  if (raw !== "0" && raw !== "1") throw new ConfigError(`${name} must be 0 or 1, not "${env[name]}"`);
  return raw === "1";
}

function parseApiRateLimit(raw: string | undefined): ApiRateLimit {
  if ((raw ?? "").trim() === "") return { capacity: 120, refillPerSecond: 2 };
  const m = /^\s*(\d+)\s*\/\s*(\d+(?:\.\d+)?)\s*$/.exec(raw ?? "");
  if (!m || Number(m[1]) < 1) throw new ConfigError(`API_RATE_LIMIT must be burst/perSecond with a burst of at least 1 (e.g. 120/2), not "${raw}"`);
  return { capacity: Number(m[1]), refillPerSecond: Number(m[2]) };
}

function parseMailRate(raw: string | undefined): number | null {
  const v = (raw ?? "").trim();
  if (v === "") return null;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`MAIL_RATE_PER_SECOND must be a number of emails a second above 0 (e.g. 10 or 0.5), not "${raw}"`);
  return n;
}

function parseBounceDomain(raw: string | undefined): string | null {
  const v = (raw ?? "").trim().toLowerCase();
  if (v === "") return null;
  if (!/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(v)) {
    throw new ConfigError(`BOUNCE_DOMAIN must be a domain name such as bounces.example.org, not "${raw}"`);
  }
  return v;
}

/**
 * DATABASE_URL, DATA_DIR and DATABASE_POOL_SIZE: which database to open. Writes nothing (the
 * command-line scripts open the database with it alone); loadConfig includes it.
 */
export function loadDatabaseSettings(env: Env = process.env): DatabaseSettings {
  const url = env.DATABASE_URL?.trim();
  if (env.DATABASE_URL !== undefined && !url) throw new ConfigError("DATABASE_URL is set but empty; unset it to use the embedded database");
  return {
    databaseUrl: url || undefined,
    dataDir: env.DATA_DIR || ".data",
    databasePoolSize: wholeNumber(env, "DATABASE_POOL_SIZE", 20, 1, 10_000),
  };
}

/** Which database the environment names, without checking it (for the health check). */
export function configuredDbKind(env: Env = process.env): "postgres" | "pglite" {
  return env.DATABASE_URL?.trim() ? "postgres" : "pglite";
}

/**
 * Reads the configuration from the environment. With the embedded database and no
 * PERSONAL_DATA_KEY, a key is generated once into DATA_DIR so the demo needs no set-up;
 * with a server database the key is required (several instances must share it).
 */
export function loadConfig(env: Env = process.env): Config {
  const port = Number(env.PORT || 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new ConfigError(`PORT must be a port number, not "${env.PORT}"`);
  }
  const database = loadDatabaseSettings(env);
  const { dataDir, databaseUrl } = database;
  let personalDataKey: Buffer;
  if (env.PERSONAL_DATA_KEY) {
    personalDataKey = decodeKey(env.PERSONAL_DATA_KEY, "PERSONAL_DATA_KEY");
  } else if (databaseUrl) {
    throw new ConfigError(
      "PERSONAL_DATA_KEY is required with DATABASE_URL (generate one with: openssl rand -base64 32)",
    );
  } else {
    const file = join(ensureDataDir(dataDir), "personal-data.key");
    try {
      if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
      personalDataKey = decodeKey(readFileSync(file, "utf8"), `the key file ${file} (PERSONAL_DATA_KEY is unset)`);
    } catch (err) {
      throw err instanceof ConfigError ? err : dataDirError(err, dataDir);
    }
  }
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, "");
  try {
    new URL(publicUrl);
  } catch {
    throw new ConfigError(`PUBLIC_URL is not a valid URL: "${env.PUBLIC_URL}"`);
  }
  if (env.SMTP_URL) {
    try {
      const u = new URL(env.SMTP_URL);
      if (!["smtp:", "smtps:"].includes(u.protocol)) throw new Error();
    } catch {
      throw new ConfigError(`SMTP_URL must look like smtp://user:pass@host:587 or smtps://…`);
    }
  }
  const retention = (env.MAILBOX_RETENTION_DAYS ?? "").trim();
  const mailboxRetentionDays = retention === "" ? DEFAULT_MAILBOX_RETENTION_DAYS : Number(retention);
  if ((retention !== "" && !/^\d+$/.test(retention)) || mailboxRetentionDays < 1 || mailboxRetentionDays > 3650) {
    throw new ConfigError(`MAILBOX_RETENTION_DAYS must be a whole number of days from 1 to 3650, not "${env.MAILBOX_RETENTION_DAYS}"`);
  }
  return {
    ...database,
    port,
    publicUrl,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || "Panelwave <no-reply@panelwave.local>",
    personalDataKey,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    authSecret: createHmac("sha256", personalDataKey).update("panelwave/auth-secret").digest("base64url"),
    mailboxRetentionDays,
    apiRateLimit: parseApiRateLimit(env.API_RATE_LIMIT),
    workerEnabled: onOff(env, "PANELWAVE_WORKER", true),
    httpCompression: onOff(env, "HTTP_COMPRESSION", true),
    mailRatePerSecond: parseMailRate(env.MAIL_RATE_PER_SECOND),
    mailDrainSlots: wholeNumber(env, "MAIL_DRAIN_SLOTS", 1, 1, 1000),
    firstAdmin: env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : null,
    // The demo is on by default for the embedded database only: a server install opts in.
    seedDemo: onOff(env, "PANELWAVE_DEMO", !databaseUrl),
    demoLinks: wholeNumber(env, "PANELWAVE_DEMO_LINKS", 3, 0, 1000),
    bounceDomain: parseBounceDomain(env.BOUNCE_DOMAIN),
    bounceSmtpPort: (env.BOUNCE_SMTP_PORT ?? "").trim() === "" ? null : wholeNumber(env, "BOUNCE_SMTP_PORT", 0, 1, 65535),
    bounceSmtpHost: (env.BOUNCE_SMTP_HOST ?? "").trim() || "0.0.0.0",
    bounceSmtpRatePerMinute: wholeNumber(env, "BOUNCE_SMTP_RATE", 600, 1, 10_000_000),
  };
}
