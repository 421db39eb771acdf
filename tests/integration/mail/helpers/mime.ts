// Just enough MIME for the tests: unfolded headers with RFC 2047 words decoded, and the text and
// HTML parts decoded from quoted-printable or base64 (what nodemailer writes).

export type ParsedMessage = {
  envelopeTo: string[];
  /** The envelope sender (MAIL FROM), set by the sink. */
  envelopeFrom?: string;
  headers: Map<string, string>;
  subject: string;
  text: string;
  html: string;
};

function decodeWords(s: string): string {
  return s
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _cs, enc: string, data: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : Buffer.from(data.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8"),
    );
}

function parseHeaders(block: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of block.replace(/\r\n/g, "\n").replace(/\n[ \t]+/g, " ").split("\n")) {
    const i = line.indexOf(":");
    if (i > 0) map.set(line.slice(0, i).trim().toLowerCase(), decodeWords(line.slice(i + 1).trim()));
  }
  return map;
}

function decodeBody(body: string, encoding: string | undefined): string {
  const enc = (encoding ?? "7bit").toLowerCase();
  if (enc === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (enc === "quoted-printable") {
    const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

function split(raw: string): [string, string] {
  const i = raw.search(/\r?\n\r?\n/);
  if (i < 0) return [raw, ""];
  const sep = raw.slice(i).match(/^\r?\n\r?\n/)![0];
  return [raw.slice(0, i), raw.slice(i + sep.length)];
}

function walk(raw: string, out: { text: string; html: string }) {
  const [head, body] = split(raw);
  const h = parseHeaders(head);
  const type = h.get("content-type") ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith("multipart/") && boundary) {
    const parts = body.split(`--${boundary}`).slice(1);
    for (const p of parts) {
      if (p.startsWith("--")) break;
      walk(p.replace(/^\r?\n/, ""), out);
    }
  } else if (type.toLowerCase().startsWith("text/html")) {
    out.html += decodeBody(body, h.get("content-transfer-encoding"));
  } else if (type.toLowerCase().startsWith("text/plain")) {
    out.text += decodeBody(body, h.get("content-transfer-encoding"));
  }
}

export function parseMessage(raw: string, envelopeTo: string[]): ParsedMessage {
  const [head] = split(raw);
  const headers = parseHeaders(head);
  const out = { text: "", html: "" };
  walk(raw, out);
  return { envelopeTo, headers, subject: headers.get("subject") ?? "", text: out.text, html: out.html };
}
