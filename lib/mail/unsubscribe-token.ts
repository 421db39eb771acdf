// The stop-emails token in /u/<token>: the participant id and an HMAC of it under a sub-key of
// the personal-data key. No table is needed, it never expires (RFC 8058 links must keep working),
// and it is checked in constant time.
import { createHmac, timingSafeEqual } from "node:crypto";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const subKeys = new WeakMap<Buffer, Buffer>();

function mac(key: Buffer, id: Buffer): Buffer {
  let sub = subKeys.get(key);
  if (!sub) subKeys.set(key, (sub = createHmac("sha256", key).update("panelwave/unsubscribe").digest()));
  return createHmac("sha256", sub).update(id).digest().subarray(0, 16);
}

/** 43 URL-safe characters: 16 bytes of participant id and 16 bytes of MAC. Pure. */
export function unsubscribeToken(key: Buffer, participantId: string): string {
  if (!UUID.test(participantId)) throw new Error("participant id must be a uuid");
  const id = Buffer.from(participantId.replace(/-/g, ""), "hex");
  return Buffer.concat([id, mac(key, id)]).toString("base64url");
}

/** The participant id a token names, or null for anything forged, truncated or malformed. */
export function verifyUnsubscribeToken(key: Buffer, token: string): string | null {
  if (typeof token !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const raw = Buffer.from(token, "base64url");
  if (raw.length !== 32) return null;
  const id = raw.subarray(0, 16);
  if (!timingSafeEqual(raw.subarray(16), mac(key, id))) return null;
  const hex = id.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
