// The address of the client that sent a request, for rate limits and lock-outs. Any client can
// send X-Forwarded-For, so it is read only when TRUST_PROXY says which proxies may set it; the
// socket's own address comes from the production server (scripts/server.mjs), which overwrites
// PEER_HEADER on every request so that no client can choose it.
import { BlockList, isIP } from "node:net";
import type { TrustProxy } from "../config/load-config";

/** Set by scripts/server.mjs from the TCP socket; any value a client sent is replaced. */
export const PEER_HEADER = "x-panelwave-peer";

const g = globalThis as unknown as { __panelwavePeerHeader?: boolean };

/**
 * Whether this process runs behind scripts/server.mjs, which sets PEER_HEADER itself. Under
 * `next dev` or a bare `next start` nothing overwrites the header, so it is not believed.
 */
export function peerHeaderIsSet(): boolean {
  return g.__panelwavePeerHeader === true;
}

/** Tests: say that PEER_HEADER comes from the socket (scripts/server.mjs sets the same flag). */
export function markPeerHeaderSet(on = true): void {
  g.__panelwavePeerHeader = on;
}

/** A literal IP address in canonical form (IPv4-mapped IPv6 becomes IPv4), or null. */
export function normaliseIp(raw: string | null | undefined): string | null {
  let v = (raw ?? "").trim();
  if (v.startsWith("[") && v.includes("]")) v = v.slice(1, v.indexOf("]"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(v);
  if (mapped) v = mapped[1];
  const family = isIP(v);
  if (family === 4) return v;
  if (family === 6) return v.toLowerCase();
  return null;
}

function trustedRanges(ranges: string[]): BlockList {
  const list = new BlockList();
  for (const r of ranges) {
    const [addr, bits] = r.split("/");
    const ip = normaliseIp(addr)!;
    const type = isIP(ip) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(ip, type);
    else list.addSubnet(ip, Number(bits), type);
  }
  return list;
}
const lists = new Map<string, BlockList>();

/**
 * The client's address: the socket's peer when no proxy is trusted; otherwise the chain
 * X-Forwarded-For + peer is read from the right, skipping the trusted hops (a number of them, or
 * every address in the trusted ranges). Null when it cannot be known (no trusted peer header,
 * or an entry that is not an IP address where the walk stops).
 */
export function clientIp(headers: Headers, trust: TrustProxy): string | null {
  const peer = peerHeaderIsSet() ? normaliseIp(headers.get(PEER_HEADER)) : null;
  if (!trust) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const chain = [...forwarded.map(normaliseIp), ...(peer ? [peer] : [])];
  if (chain.length === 0) return null;
  if ("hops" in trust) {
    return chain[Math.max(0, chain.length - 1 - trust.hops)];
  }
  const key = trust.ranges.join(",");
  const list = lists.get(key) ?? trustedRanges(trust.ranges);
  lists.set(key, list);
  for (let i = chain.length - 1; i >= 0; i--) {
    const ip = chain[i];
    if (!ip) return null;
    if (!list.check(ip, isIP(ip) === 6 ? "ipv6" : "ipv4")) return ip;
  }
  return chain[0];
}

/** What a per-address limit counts: the address, or its /64 for IPv6 (one subscriber's block). */
export function ipBucket(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  const [head, tail = ""] = ip.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

/**
 * The header better-auth reads the client's address from (advanced.ipAddress): always written
 * by withClientIp from clientIp(), never passed on from the client.
 */
export const CLIENT_IP_HEADER = "x-panelwave-client-ip";

/** A copy of the headers with CLIENT_IP_HEADER set to clientIp() (or removed when unknown). */
export function withClientIp(headers: Headers, trust: TrustProxy): Headers {
  const copy = new Headers(headers);
  const ip = clientIp(headers, trust);
  if (ip) copy.set(CLIENT_IP_HEADER, ip);
  else copy.delete(CLIENT_IP_HEADER);
  return copy;
}
