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

export type Config = {
  port: number;
  publicUrl: string;
  dataDir: string;
  databaseUrl?: string;
  smtpUrl?: string;
  mailFrom: string;
  /** 32 bytes: encrypts personal data; sub-keys are derived from it. */
  personalDataKey: Buffer;
  authSecret: string;
  /** Days a local-mailbox message is kept before it is deleted (MAILBOX_RETENTION_DAYS, default 30). */
  mailboxRetentionDays: number;
  /** TRUST_PROXY: whose X-Forwarded-For to believe (lib/http/client-ip.ts). */
  trustProxy: TrustProxy;
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

/**
 * Reads the configuration from the environment. With the embedded database and no
 * PERSONAL_DATA_KEY, a key is generated once into DATA_DIR so the demo needs no set-up;
 * with a server database the key is required (several instances must share it).
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const port = Number(env.PORT || 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new ConfigError(`PORT must be a port number, not "${env.PORT}"`);
  }
  const dataDir = env.DATA_DIR || ".data";
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
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
    port,
    publicUrl,
    dataDir,
    databaseUrl,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || "Panelwave <no-reply@panelwave.local>",
    personalDataKey,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    authSecret: createHmac("sha256", personalDataKey).update("panelwave/auth-secret").digest("base64url"),
    mailboxRetentionDays,
  };
}
