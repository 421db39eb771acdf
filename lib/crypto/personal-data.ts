import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

function subKey(key: Buffer, purpose: string): Buffer {
  return createHmac("sha256", key).update(`panelwave/${purpose}`).digest();
}

/** Normalises an email for comparison: trimmed, lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Encrypts personal data with AES-256-GCM; output "v1.<iv>.<tag>.<ciphertext>" in base64url. */
export function encryptPersonal(key: Buffer, plain: string): string {
  return personalEncrypter(key)(plain);
}

export function decryptPersonal(key: Buffer, boxed: string): string {
  const [v, iv, tag, ct] = boxed.split(".");
  if (v !== "v1" || !iv || !tag || ct === undefined) throw new Error("Unknown ciphertext format");
  const decipher = createDecipheriv("aes-256-gcm", subKey(key, "encrypt"), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
}

/** Keyed hash (HMAC-SHA-256 under a sub-key for `purpose`), hex: a stable id that reveals nothing. */
export function keyedHash(key: Buffer, purpose: string, value: string): string {
  return createHmac("sha256", subKey(key, purpose)).update(value).digest("hex");
}

/** Keyed hash of a normalised email, to find duplicates without decrypting. */
export function emailHash(key: Buffer, email: string): string {
  return emailHasher(key)(email);
}

/** emailHash for many emails at once (an import): the hashing key is derived once, not per email. */
export function emailHasher(key: Buffer): (email: string) => string {
  const hashKey = subKey(key, "email-hash");
  return (email) => createHmac("sha256", hashKey).update(normaliseEmail(email)).digest("hex");
}

/** encryptPersonal for many values at once: the encryption key is derived once. */
export function personalEncrypter(key: Buffer): (plain: string) => string {
  const encKey = subKey(key, "encrypt");
  return (plain) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", encKey, iv);
    const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(".");
  };
}
