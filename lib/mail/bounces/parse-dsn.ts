// Delivery status notifications (RFC 3464): finds the message/delivery-status part of a
// multipart/report message (also one nested in another multipart, as some relays forward it) and
// reads its per-recipient fields. Pure; never throws: anything it cannot read gives null.

export type DsnRecipient = {
  finalRecipient: string | null;
  /** "failed", "delayed", "delivered", "relayed" or "expanded" (lower case). */
  action: string;
  /** The enhanced status code "c.s.d", e.g. "5.1.1"; from the diagnostic when Status is missing. */
  status: string | null;
  diagnostic: string | null;
};

export type DsnReport = { reportingMta: string | null; recipients: DsnRecipient[] };

export type BounceVerdict = {
  hard: boolean;
  /** "failed" (the message will not be delivered) or "delayed" (still being tried). */
  action: "failed" | "delayed";
  status: string;
  diagnostic: string | null;
};

const MAX_DEPTH = 4;
const MAX_PARTS = 50;

type Part = { headers: Map<string, string>; body: string };

function splitHead(raw: string): Part {
  const text = raw.replace(/\r\n/g, "\n");
  const end = text.search(/\n\n/);
  const head = end < 0 ? text : text.slice(0, end);
  const body = end < 0 ? "" : text.slice(end + 2);
  return { headers: readFields(head), body };
}

/** Header-style fields (also a DSN's field blocks): unfolded, names lower-cased, first one wins. */
function readFields(block: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of block.replace(/\r\n/g, "\n").replace(/\n[ \t]+/g, " ").split("\n")) {
    const i = line.indexOf(":");
    if (i <= 0) continue;
    const name = line.slice(0, i).trim().toLowerCase();
    if (!map.has(name)) map.set(name, line.slice(i + 1).trim());
  }
  return map;
}

/** A Content-Type's media type (lower case) and parameters (names lower case, quotes removed). */
function contentType(value: string | undefined): { type: string; params: Map<string, string> } {
  const v = value ?? "text/plain";
  const semi = v.indexOf(";");
  const type = (semi < 0 ? v : v.slice(0, semi)).trim().toLowerCase();
  const params = new Map<string, string>();
  const re = /;\s*([A-Za-z0-9_.*-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/g;
  for (let m = re.exec(v); m; m = re.exec(v)) params.set(m[1].toLowerCase(), (m[2] ?? m[3]).replace(/\\(.)/g, "$1"));
  return { type, params };
}

function decode(body: string, encoding: string | undefined): string {
  const enc = (encoding ?? "").trim().toLowerCase();
  if (enc === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (enc === "quoted-printable") {
    const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

function splitMultipart(body: string, boundary: string): string[] {
  const parts: string[] = [];
  const delimiter = `--${boundary}`;
  let current: string[] | null = null;
  for (const line of body.split("\n")) {
    const l = line.replace(/[ \t]+$/, "");
    if (l === delimiter || l === `${delimiter}--`) {
      if (current) parts.push(current.join("\n"));
      if (l.endsWith("--") && l !== delimiter) return parts;
      if (parts.length >= MAX_PARTS) return parts;
      current = [];
    } else if (current) {
      current.push(line);
    }
  }
  // No closing delimiter (truncated): keep what was read.
  if (current && current.length > 0) parts.push(current.join("\n"));
  return parts;
}

/** The text of the delivery-status part, searching nested multiparts; null when there is none. */
function findStatusPart(part: Part, depth: number): string | null {
  const ct = contentType(part.headers.get("content-type"));
  if (ct.type === "message/delivery-status" || ct.type === "message/global-delivery-status") {
    return decode(part.body, part.headers.get("content-transfer-encoding"));
  }
  if (!ct.type.startsWith("multipart/") || depth >= MAX_DEPTH) return null;
  const boundary = ct.params.get("boundary");
  if (!boundary) return null;
  for (const p of splitMultipart(part.body, boundary)) {
    const found = findStatusPart(splitHead(p), depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** "rfc822; someone@example.org" → "someone@example.org". */
function typedValue(v: string | undefined): string | null {
  if (!v) return null;
  const semi = v.indexOf(";");
  const out = (semi < 0 ? v : v.slice(semi + 1)).trim();
  return out === "" ? null : out;
}

/** The enhanced status code of a Status field or, failing that, of the diagnostic text. */
function statusCode(status: string | undefined, diagnostic: string | null): string | null {
  const own = /^\s*([245])\.(\d{1,3})\.(\d{1,3})\b/.exec(status ?? "");
  if (own) return `${own[1]}.${own[2]}.${own[3]}`;
  const inText = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/.exec(diagnostic ?? "");
  if (inText) return `${inText[1]}.${inText[2]}.${inText[3]}`;
  const basic = /\b([245])\d\d\b/.exec(diagnostic ?? "");
  return basic ? `${basic[1]}.0.0` : null;
}

/** Reads a DSN; null when the message is not a delivery status report or has no recipient. */
export function parseDsn(raw: string | Buffer): DsnReport | null {
  try {
    const text = typeof raw === "string" ? raw : raw.toString("utf8");
    const status = findStatusPart(splitHead(text), 0);
    if (status === null) return null;
    const blocks = status.replace(/\r\n/g, "\n").split(/\n[ \t]*\n/).map((b) => b.trim()).filter((b) => b !== "");
    if (blocks.length < 2) return null;
    const perMessage = readFields(blocks[0]);
    const recipients: DsnRecipient[] = [];
    for (const block of blocks.slice(1)) {
      const f = readFields(block);
      const action = f.get("action")?.trim().toLowerCase().split(/[\s(]/)[0];
      if (!action) continue;
      const diagnostic = typedValue(f.get("diagnostic-code"));
      recipients.push({
        finalRecipient: typedValue(f.get("final-recipient")) ?? typedValue(f.get("original-recipient")),
        action,
        status: statusCode(f.get("status"), diagnostic),
        diagnostic,
      });
    }
    if (recipients.length === 0) return null;
    return { reportingMta: typedValue(perMessage.get("reporting-mta")), recipients };
  } catch {
    return null;
  }
}

/**
 * What a report means for the message: a hard bounce (failed with 5.x.x), a soft one (failed with
 * 4.x.x, or delayed), or null (delivered, relayed, or unreadable). With several recipients the
 * worst one counts (a VERP message has one). Pure.
 */
export function classifyDsn(report: DsnReport): BounceVerdict | null {
  let best: BounceVerdict | null = null;
  for (const r of report.recipients) {
    if (r.action !== "failed" && r.action !== "delayed") continue;
    if (!r.status) continue;
    const cls = r.status[0];
    if (cls === "2") continue;
    const v: BounceVerdict = { hard: r.action === "failed" && cls === "5", action: r.action, status: r.status, diagnostic: r.diagnostic };
    const rank = (x: BounceVerdict) => (x.hard ? 2 : x.action === "failed" ? 1 : 0);
    if (!best || rank(v) > rank(best)) best = v;
  }
  return best;
}

/** The server's words without any address in them (what is stored). Pure. */
export function redactAddresses(text: string | null, max = 500): string | null {
  if (!text) return null;
  return text.replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, "<address>").slice(0, max);
}
