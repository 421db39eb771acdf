// The stop-emails token in /u/<token>: the participant id and an HMAC of it under a sub-key of
// the personal-data key. No table is needed, it never expires (RFC 8058 links must keep working),
// and it is checked in constant time. The booking link /b/<token> is made the same way under its
// own purpose, so neither token opens the other's page.
import { createHmac, timingSafeEqual } from "node:crypto";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Purpose = "unsubscribe" | "booking";
const subKeys = new Map<Purpose, WeakMap<Buffer, Buffer>>([["unsubscribe", new WeakMap()], ["booking", new WeakMap()]]);

function mac(key: Buffer, id: Buffer, purpose: Purpose): Buffer {
  const cache = subKeys.get(purpose)!;
  let sub = cache.get(key);
  if (!sub) cache.set(key, (sub = createHmac("sha256", key).update(`panelwave/${purpose}`).digest()));
  return createHmac("sha256", sub).update(id).digest().subarray(0, 16);
}

function sign(key: Buffer, participantId: string, purpose: Purpose): string {
  if (!UUID.test(participantId)) throw new Error("participant id must be a uuid");
  const id = Buffer.from(participantId.replace(/-/g, ""), "hex");
  return Buffer.concat([id, mac(key, id, purpose)]).toString("base64url");
}

/** 43 URL-safe characters: 16 bytes of participant id and 16 bytes of MAC. Pure. */
export function unsubscribeToken(key: Buffer, participantId: string): string {
  return sign(key, participantId, "unsubscribe");
}

/** The personal booking link's token (/b/<token>), like unsubscribeToken under its own purpose. Pure. */
export function bookingToken(key: Buffer, participantId: string): string {
  return sign(key, participantId, "booking");
}

/** The participant id a token names, or null for anything forged, truncated or malformed. */
export function verifyUnsubscribeToken(key: Buffer, token: string): string | null {
  return verify(key, token, "unsubscribe");
}

/** The participant id a booking token names, or null for anything forged, truncated or malformed. */
export function verifyBookingToken(key: Buffer, token: string): string | null {
  return verify(key, token, "booking");
}

function verify(key: Buffer, token: string, purpose: Purpose): string | null {
  if (typeof token !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const raw = Buffer.from(token, "base64url");
  if (raw.length !== 32) return null;
  const id = raw.subarray(0, 16);
  if (!timingSafeEqual(raw.subarray(16), mac(key, id, purpose))) return null;
  const hex = id.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
