import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

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

/**
 * The token in a "Was this you?" link (an unverified open-link contact), derived like invitation
 * tokens from the key and the request's id: only its hash is stored and the outbox keeps only the
 * id, yet the email can be built at send time.
 */
export function linkConfirmationToken(key: Buffer, unverifiedContactId: string): string {
  return createHmac("sha256", key).update(`panelwave/link-confirmation/${unverifiedContactId}`).digest().subarray(0, 20).toString("base64url");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const startMac = (key: Buffer, body: Buffer) =>
  createHmac("sha256", key).update("panelwave/open-start/").update(body).digest().subarray(0, 16);

/**
 * A self-contained start token for an open link (64 characters): the wave id, 128 random bits and
 * a MAC under the key. Nothing is stored when it is issued; the first saved page stores its hash
 * as the personal link's token hash, so the same /s/<token> link then resumes on any device.
 */
export function newStartToken(key: Buffer, waveId: string): string {
  if (!UUID.test(waveId)) throw new Error("wave id is not a uuid");
  const body = Buffer.concat([Buffer.from(waveId.replace(/-/g, ""), "hex"), randomBytes(16)]);
  return Buffer.concat([body, startMac(key, body)]).toString("base64url");
}

/** The wave a start token was issued for, or null when it is not one of ours (constant-time check). */
export function verifyStartToken(key: Buffer, token: string): string | null {
  if (!/^[A-Za-z0-9_-]{64}$/.test(token)) return null;
  const raw = Buffer.from(token, "base64url");
  if (raw.length !== 48) return null;
  const body = raw.subarray(0, 32);
  if (!timingSafeEqual(raw.subarray(32), startMac(key, body))) return null;
  const hex = body.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The token in a contact-point confirmation link (/d/c/<token>), derived like invitation tokens
 * from the key and the token row's id: only its hash is stored, the outbox keeps only the id.
 */
export function contactConfirmationToken(key: Buffer, tokenId: string): string {
  return createHmac("sha256", key).update(`panelwave/contact-confirmation/${tokenId}`).digest().subarray(0, 20).toString("base64url");
}

/** The token in a re-consent link (/c/<token>), derived like invitationToken from the recipient row's id; only its hash is stored. */
export function reconsentToken(key: Buffer, recipientId: string): string {
  return createHmac("sha256", key).update(`panelwave/reconsent/${recipientId}`).digest().subarray(0, 20).toString("base64url");
}
