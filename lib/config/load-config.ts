import { createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ConfigError } from "../errors/config-error";

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
  /** TRUST_PROXY: take the client's address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy: boolean;
};

/** How long the local mailbox keeps a message unless MAILBOX_RETENTION_DAYS says otherwise. */
export const DEFAULT_MAILBOX_RETENTION_DAYS = 30;

/** Reads TRUST_PROXY: 1/true/yes or 0/false/no (unset: false). */
export function parseTrustProxy(raw: string | undefined): boolean {
  const v = (raw ?? "").trim().toLowerCase();
  if (["", "0", "false", "no"].includes(v)) return false;
  if (["1", "true", "yes"].includes(v)) return true;
  throw new ConfigError(`TRUST_PROXY must be 1 or 0 (true/false), not "${raw}"`);
}

function decodeKey(raw: string, name: string): Buffer {
  const key = Buffer.from(raw.trim(), "base64");
  if (key.length !== 32) {
    throw new ConfigError(`${name} must be 32 bytes in base64 (generate one with: openssl rand -base64 32)`);
  }
  return key;
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
    const file = join(resolve(dataDir), "personal-data.key");
    if (!existsSync(file)) {
      mkdirSync(resolve(dataDir), { recursive: true });
      writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
    }
    personalDataKey = decodeKey(readFileSync(file, "utf8"), file);
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
    authSecret: createHmac("sha256", personalDataKey).update("panelwave/auth-secret").digest("base64url"),
    mailboxRetentionDays,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
  };
}
