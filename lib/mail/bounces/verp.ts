// VERP: each message's envelope sender (return path) names its outbox row, signed so that a forged
// report cannot mark another message: bounce+<outboxId>-<tag>@<bounce domain>. Pure.
import { createHmac, timingSafeEqual } from "node:crypto";

/** 64 bits of HMAC, in hex (case-proof). */
const TAG_CHARS = 16;

function tag(key: Buffer, outboxId: number): string {
  return createHmac("sha256", key).update(`panelwave/verp/${outboxId}`).digest("hex").slice(0, TAG_CHARS);
}

/** The bounce domain: BOUNCE_DOMAIN when set, else the domain of the From address. Pure. */
export function bounceDomainOf(mailFrom: string, configured?: string | null): string {
  if (configured) return configured.toLowerCase();
  const m = /@([^>\s]+)>?\s*$/.exec(mailFrom);
  return (m?.[1] ?? "localhost").toLowerCase();
}

/** The return path of outbox message `outboxId`. Lower case only: some servers fold the local part. */
export function verpAddress(key: Buffer, outboxId: number, domain: string): string {
  return `bounce+${outboxId}-${tag(key, outboxId)}@${domain.toLowerCase()}`;
}

/** Whether `address` is on the bounce domain (any local part). */
export function isOnBounceDomain(address: string, domain: string): boolean {
  const at = address.lastIndexOf("@");
  return at > 0 && address.slice(at + 1).toLowerCase() === domain.toLowerCase();
}

/**
 * The outbox id a return path stands for, or null when it is not a VERP address of ours on
 * `domain` or its tag does not verify (forged or mistyped). Compares the tag in constant time.
 */
export function readVerpAddress(key: Buffer, address: string, domain: string): number | null {
  if (!isOnBounceDomain(address, domain)) return null;
  const local = address.slice(0, address.lastIndexOf("@")).toLowerCase();
  const m = /^bounce\+(\d{1,15})-([0-9a-f]+)$/.exec(local);
  if (!m) return null;
  const id = Number(m[1]);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const want = Buffer.from(tag(key, id));
  const got = Buffer.from(m[2]);
  return got.length === want.length && timingSafeEqual(got, want) ? id : null;
}
