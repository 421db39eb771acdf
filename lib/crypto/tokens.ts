import { createHash, createHmac, randomBytes } from "node:crypto";

/** A new access token for a personal link: 160 random bits, base64url (27 characters). */
export function newToken(): string {
  return randomBytes(20).toString("base64url");
}

/** What is stored instead of a token: its SHA-256, hex. Tokens are random, so no salt is needed. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A short pseudonymous participant code such as "P-7K3QX9" (no 0/O/1/I). */
export function newParticipantCode(): string {
  const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  const bytes = randomBytes(8);
  let s = "";
  for (const b of bytes) s += alphabet[b % alphabet.length];
  return `P-${s}`;
}

/**
 * The access token in an invitation's personal link, derived from the personal-data key and the
 * invitation id (HMAC-SHA-256, 160 bits). Only hashToken(token) is stored, yet invitations and
 * reminders can rebuild the same link at send time; without the key a database copy reveals none.
 */
export function invitationToken(key: Buffer, invitationId: string): string {
  return createHmac("sha256", key).update(`panelwave/invitation/${invitationId}`).digest().subarray(0, 20).toString("base64url");
}
