// The tokens in a participant's standing links, /u/<token> (stop emails), /d/<token> (My
// details) and /b/<token> (booking an interview): the participant id and an HMAC of it under a sub-key of the personal-data key for the
// link's purpose. No table is needed, they never expire (RFC 8058 links must keep working), and
// they are checked in constant time. A token for one purpose is worthless for the others.
import { createHmac, timingSafeEqual } from "node:crypto";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ParticipantLinkPurpose = "unsubscribe" | "details" | "booking";

const subKeys = new WeakMap<Buffer, Map<ParticipantLinkPurpose, Buffer>>();

function mac(key: Buffer, purpose: ParticipantLinkPurpose, id: Buffer): Buffer {
  let byPurpose = subKeys.get(key);
  if (!byPurpose) subKeys.set(key, (byPurpose = new Map()));
  let sub = byPurpose.get(purpose);
  if (!sub) byPurpose.set(purpose, (sub = createHmac("sha256", key).update(`panelwave/${purpose}`).digest()));
  return createHmac("sha256", sub).update(id).digest().subarray(0, 16);
}

/** 43 URL-safe characters: 16 bytes of participant id and 16 bytes of MAC. Pure. */
export function participantLinkToken(key: Buffer, purpose: ParticipantLinkPurpose, participantId: string): string {
  if (!UUID.test(participantId)) throw new Error("participant id must be a uuid");
  const id = Buffer.from(participantId.replace(/-/g, ""), "hex");
  return Buffer.concat([id, mac(key, purpose, id)]).toString("base64url");
}

/** The participant id a token of this purpose names, or null for anything forged, truncated or malformed. */
export function verifyParticipantLinkToken(key: Buffer, purpose: ParticipantLinkPurpose, token: string): string | null {
  if (typeof token !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const raw = Buffer.from(token, "base64url");
  if (raw.length !== 32) return null;
  const id = raw.subarray(0, 16);
  if (!timingSafeEqual(raw.subarray(16), mac(key, purpose, id))) return null;
  const hex = id.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const unsubscribeToken = (key: Buffer, participantId: string) => participantLinkToken(key, "unsubscribe", participantId);
export const verifyUnsubscribeToken = (key: Buffer, token: string) => verifyParticipantLinkToken(key, "unsubscribe", token);
export const detailsToken = (key: Buffer, participantId: string) => participantLinkToken(key, "details", participantId);
export const verifyDetailsToken = (key: Buffer, token: string) => verifyParticipantLinkToken(key, "details", token);
/** The personal booking link's token (/b/<token>). Pure. */
export const bookingToken = (key: Buffer, participantId: string) => participantLinkToken(key, "booking", participantId);
export const verifyBookingToken = (key: Buffer, token: string) => verifyParticipantLinkToken(key, "booking", token);
