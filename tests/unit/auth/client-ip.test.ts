// The client's address for limits: the socket unless TRUST_PROXY names the proxies in front.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../../lib/config/load-config";
import { clientIp, ipBucket, markPeerHeaderSet, PEER_HEADER, withClientIp, CLIENT_IP_HEADER } from "../../../lib/http/client-ip";

const trust = (v?: string) => loadConfig({ PERSONAL_DATA_KEY: Buffer.alloc(32, 1).toString("base64"), DATABASE_URL: "postgres://x@h/db", TRUST_PROXY: v }).trustProxy;
const h = (peer: string | null, xff?: string) => new Headers({ ...(peer ? { [PEER_HEADER]: peer } : {}), ...(xff ? { "x-forwarded-for": xff } : {}) });

beforeEach(() => markPeerHeaderSet(true));
afterEach(() => markPeerHeaderSet(false));

describe("TRUST_PROXY", () => {
  it.each([
    [undefined, null], ["", null], ["0", null], ["false", null],
    ["1", { hops: 1 }], ["2", { hops: 2 }],
    ["127.0.0.1", { ranges: ["127.0.0.1"] }], ["10.0.0.0/8, ::1, fd00::/8", { ranges: ["10.0.0.0/8", "::1", "fd00::/8"] }],
  ])("reads %j", (raw, want) => {
    expect(trust(raw)).toEqual(want);
  });

  it.each(["true", "yes", "10.0.0.0/33", "proxy.local", "1.2.3.4/8/1"])("refuses %j, naming the setting", (raw) => {
    expect(() => trust(raw)).toThrow(/^TRUST_PROXY must be a number of proxy hops/);
  });
});

describe("clientIp", () => {
  it("without TRUST_PROXY ignores X-Forwarded-For and answers the socket's address", () => {
    expect(clientIp(h("203.0.113.5", "1.2.3.4"), null)).toBe("203.0.113.5");
    expect(clientIp(h("::ffff:203.0.113.5"), null)).toBe("203.0.113.5");
  });

  it("believes the peer header only behind scripts/server.mjs", () => {
    markPeerHeaderSet(false);
    expect(clientIp(h("203.0.113.5", "1.2.3.4"), null)).toBeNull();
  });

  it("with a number of hops takes the address the outermost trusted proxy saw", () => {
    expect(clientIp(h("127.0.0.1", "6.6.6.6, 198.51.100.2"), { hops: 1 })).toBe("198.51.100.2");
    expect(clientIp(h("10.0.0.2", "6.6.6.6, 198.51.100.2, 10.0.0.1"), { hops: 2 })).toBe("198.51.100.2");
    expect(clientIp(h("198.51.100.2"), { hops: 1 })).toBe("198.51.100.2");
  });

  it("with trusted ranges walks from the right past the proxies", () => {
    const t = { ranges: ["127.0.0.1", "10.0.0.0/8"] };
    expect(clientIp(h("127.0.0.1", "6.6.6.6, 198.51.100.2, 10.1.2.3"), t)).toBe("198.51.100.2");
    // A client talking to the app directly cannot choose its address by sending the header.
    expect(clientIp(h("198.51.100.9", "127.0.0.1"), t)).toBe("198.51.100.9");
    expect(clientIp(h("127.0.0.1", "not-an-ip"), t)).toBeNull();
  });

  it("puts the derived address in the header better-auth reads, replacing the client's", () => {
    const out = withClientIp(new Headers({ [PEER_HEADER]: "203.0.113.5", [CLIENT_IP_HEADER]: "1.1.1.1" }), null);
    expect(out.get(CLIENT_IP_HEADER)).toBe("203.0.113.5");
    markPeerHeaderSet(false);
    expect(withClientIp(new Headers({ [CLIENT_IP_HEADER]: "1.1.1.1" }), null).has(CLIENT_IP_HEADER)).toBe(false);
  });

  it("counts an IPv6 client by its /64", () => {
    expect(ipBucket("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(ipBucket("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(ipBucket("198.51.100.2")).toBe("198.51.100.2");
  });
});
