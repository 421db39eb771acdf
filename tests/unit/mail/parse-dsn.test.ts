// The DSN parser over reports shaped like Postfix, Exim, Gmail and Microsoft 365 send them, and
// over what else arrives at a return path: it classifies hard and soft and never throws.
import { describe, expect, it } from "vitest";
import { classifyDsn, parseDsn, redactAddresses } from "../../../lib/mail/bounces/parse-dsn";
import { DSN_STYLES, MALFORMED, type DsnStyle } from "../../fixtures/dsn";

const to = "bounce+42-0123456789abcdef@bounces.panel.example.org";
const rcpt = "olena.k@example.net";

describe("parseDsn", () => {
  const cases: { style: DsnStyle; hard: string; soft: string }[] = [
    { style: "postfix", hard: "5.1.1", soft: "4.4.1" },
    { style: "exim", hard: "5.0.0", soft: "4.2.2" },
    { style: "gmail", hard: "5.1.1", soft: "4.2.1" },
    { style: "microsoft", hard: "5.1.10", soft: "4.4.7" },
  ];
  for (const c of cases) {
    it(`reads a ${c.style} hard bounce as hard with its status and the failed recipient`, () => {
      const report = parseDsn(DSN_STYLES[c.style]({ to, rcpt, hard: true }));
      expect(report).not.toBeNull();
      expect(report!.recipients[0]).toMatchObject({ finalRecipient: rcpt, action: "failed", status: c.hard });
      expect(classifyDsn(report!)).toMatchObject({ hard: true, action: "failed", status: c.hard });
    });
    it(`reads a ${c.style} delay as soft`, () => {
      const report = parseDsn(Buffer.from(DSN_STYLES[c.style]({ to, rcpt, hard: false })));
      expect(classifyDsn(report!)).toMatchObject({ hard: false, action: "delayed", status: c.soft });
    });
  }

  it("unfolds a diagnostic over several lines (Gmail)", () => {
    const v = classifyDsn(parseDsn(DSN_STYLES.gmail({ to, rcpt, hard: true }))!);
    expect(v!.diagnostic).toContain("does not exist. Please try double-checking");
  });

  it("treats a failure with a 4.x.x status as soft but final, and a failure with only a basic code as its class", () => {
    const base = DSN_STYLES.postfix({ to, rcpt, hard: true });
    const fourFailed = classifyDsn(parseDsn(base.replace("Status: 5.1.1", "Status: 4.4.7"))!);
    expect(fourFailed).toMatchObject({ hard: false, action: "failed", status: "4.4.7" });
    const noStatus = parseDsn(base.replace("Status: 5.1.1\r\n", "").replace(/550 5\.1\.1/g, "550 no such user"));
    expect(classifyDsn(noStatus!)).toMatchObject({ hard: true, status: "5.0.0" });
  });

  it("ignores reports of delivery and relaying", () => {
    const delivered = parseDsn(DSN_STYLES.postfix({ to, rcpt, hard: true }).replace("Action: failed", "Action: delivered").replace("Status: 5.1.1", "Status: 2.0.0"));
    expect(delivered).not.toBeNull();
    expect(classifyDsn(delivered!)).toBeNull();
  });

  it("takes the worst of several recipients", () => {
    const two = DSN_STYLES.postfix({ to, rcpt, hard: false }).replace(
      "Diagnostic-Code: X-Postfix",
      "Diagnostic-Code: X-Postfix; x\r\n\r\nFinal-Recipient: rfc822; other@example.net\r\nAction: failed\r\nStatus: 5.2.1\r\nDiagnostic-Code: X-Postfix",
    );
    expect(classifyDsn(parseDsn(two)!)).toMatchObject({ hard: true, status: "5.2.1" });
  });

  for (const [name, make] of Object.entries(MALFORMED)) {
    it(`gives null, without throwing, for a malformed message (${name})`, () => {
      const r = parseDsn(make(to));
      expect(r === null || classifyDsn(r) === null).toBe(true);
    });
  }

  it("gives null for 10,000 random byte strings without throwing", () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const pieces = ["--b\r\n", "Content-Type: multipart/report; boundary=b\r\n", "\r\n\r\n", "Action: failed\r\n", "Status: 9.9\r\n", ":", ";", "\"", "Content-Type: message/delivery-status\r\n", "x"];
    for (let i = 0; i < 10_000; i++) {
      const s = Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => pieces[Math.floor(rnd() * pieces.length)]).join("");
      expect(() => parseDsn(s)).not.toThrow();
    }
  });
});

describe("redactAddresses", () => {
  it("replaces every address in a diagnostic", () => {
    expect(redactAddresses("550 5.1.1 <olena.k@example.net>: Recipient address rejected; see x@y.example")).toBe(
      "550 5.1.1 <<address>>: Recipient address rejected; see <address>",
    );
    expect(redactAddresses(null)).toBeNull();
  });
});
