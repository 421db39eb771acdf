// Random and malformed request bodies for the fuzz test, from a seeded generator so that a
// failure reproduces: form fields and JSON strings full of NUL, other controls, unpaired
// surrogates, bytes that are not UTF-8, huge values and repeated keys, in every content type.

/** mulberry32: a small deterministic generator. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)], chance: (p: number) => next() < p };
}
export type Rng = ReturnType<typeof rng>;

const enc = new TextEncoder();
const bytes = (s: string) => enc.encode(s);
const concat = (parts: Uint8Array[]) => Buffer.concat(parts);

/** Strings a hostile or careless client sends (each valid UTF-16, maybe with lone surrogates). */
const HOSTILE = [
  "", " ", "a", "Київ", "Лі\u0000карка", "\u0000", "\u0007bell", "\u001b[2J", "tab\there", "line\nbreak", "cr\rlf\r\n", "del\u007f", "nel\u0085",
  "\ud800", "x\udfffy", "\ud83d\ude00", "\ufffd", "\ufeffbom", "<script>alert(1)</script>", "'; drop table responses; --", "%00", "%", "%zz", "+&=",
  "other", "kyiv", "family", "yes", "next", "back", "lang:en", "lang:\u0000", "-1", "1e309", "NaN", "2026-13-45", "0".repeat(400),
];

export function hostileString(r: Rng): string {
  const roll = r.next();
  if (roll < 0.05) return r.pick(["ї", "a", "\u0000", "\ud800"]).repeat(r.pick([2_000, 20_000, 100_000]));
  if (roll < 0.5) return r.pick(HOSTILE);
  let s = "";
  const n = r.int(40);
  for (let i = 0; i < n; i++) s += String.fromCharCode(r.chance(0.7) ? 32 + r.int(95) : r.int(0x10000));
  return s;
}

/** One form value as raw bytes: UTF-8 of a hostile string, or bytes that are not UTF-8. */
function valueBytes(r: Rng, urlencoded: boolean): Uint8Array {
  if (r.chance(0.15)) return Uint8Array.from({ length: 1 + r.int(12) }, () => r.pick([0xff, 0xfe, 0xc3, 0xed, 0xa0, 0x80, 0x00, 0x25]));
  const s = hostileString(r);
  if (!urlencoded) return Buffer.from(s, "utf8");
  // Percent-encode byte by byte (encodeURIComponent refuses lone surrogates); sometimes raw.
  const b = Buffer.from(s, "utf8");
  if (r.chance(0.2)) return b;
  return bytes([...b].map((x) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(x)) ? String.fromCharCode(x) : `%${x.toString(16).padStart(2, "0")}`)).join(""));
}

/** Form fields; a null value is made hostile when the body is encoded. */
export type Fields = [string, string | null][];

const safeText = (s: string) => s.replace(/[\ud800-\udfff]/g, "x");

/** Form fields: the page's control fields (when given) and answers, with repeats and strangers. */
export function formFields(r: Rng, names: string[], control: Record<string, string> | null): Fields {
  const out: Fields = [];
  if (control && r.chance(0.8)) for (const [k, v] of Object.entries(control)) if (r.chance(0.95)) out.push([k, r.chance(0.9) ? v : null]);
  const n = r.int(12);
  for (let i = 0; i < n; i++) {
    const name = r.chance(0.8) ? r.pick(names) : r.chance(0.5) ? `_${hostileString(r).slice(0, 8)}` : hostileString(r).slice(0, 300);
    out.push([name, r.chance(0.3) ? r.pick(["kyiv", "other", "family", "Lviv", "42", ""]) : null]);
  }
  return out;
}

export function urlencoded(r: Rng, fields: Fields): Uint8Array {
  const parts: Uint8Array[] = [];
  fields.forEach(([k, v], i) => {
    if (i) parts.push(bytes("&"));
    parts.push(bytes(encodeURIComponent(safeText(k))), bytes("="));
    parts.push(v === null ? valueBytes(r, true) : bytes(encodeURIComponent(safeText(v))));
  });
  if (r.chance(0.1)) parts.push(bytes(r.pick(["&&", "=", "&=&", "%", "%G0", "&a"])));
  return concat(parts);
}

export function multipart(r: Rng, fields: Fields): { body: Uint8Array; type: string } {
  const boundary = `----fuzz${r.int(1e9)}`;
  const parts: Uint8Array[] = [];
  for (const [k, v] of fields) {
    parts.push(bytes(`--${boundary}\r\nContent-Disposition: form-data; name="${safeText(k).replace(/["\r\n\\]/g, "_")}"`));
    if (r.chance(0.05)) parts.push(bytes(`; filename="f.bin"\r\nContent-Type: application/octet-stream`));
    parts.push(bytes("\r\n\r\n"), v === null ? valueBytes(r, false) : bytes(safeText(v)), bytes("\r\n"));
  }
  parts.push(bytes(`--${boundary}--\r\n`));
  const body = concat(parts);
  const broken = r.next();
  if (broken < 0.1) return { body, type: `multipart/form-data; boundary=other${boundary}` };
  if (broken < 0.2) return { body: body.subarray(0, r.int(body.length)), type: `multipart/form-data; boundary=${boundary}` };
  if (broken < 0.25) return { body, type: "multipart/form-data" };
  if (broken < 0.3) return { body, type: `multipart/form-data; boundary="${boundary}` };
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

export function randomBytes(r: Rng, max = 4096): Uint8Array {
  return Uint8Array.from({ length: r.int(max) }, () => r.int(256));
}

/** A JSON value like `sample`, mutated: strings made hostile, types swapped, keys added or dropped. */
export function mutateJson(r: Rng, sample: unknown, depth = 0): unknown {
  if (r.chance(0.05)) return r.pick([null, 0, -1, 1e308, true, "", [], {}, hostileString(r)]);
  if (typeof sample === "string") return r.chance(0.4) ? hostileString(r) : sample;
  if (Array.isArray(sample)) {
    const out = sample.map((x) => mutateJson(r, x, depth + 1));
    if (r.chance(0.1)) out.push(mutateJson(r, sample[0] ?? hostileString(r), depth + 1));
    return out;
  }
  if (sample && typeof sample === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(sample)) if (!r.chance(0.05)) out[k] = mutateJson(r, v, depth + 1);
    if (r.chance(0.1)) out[hostileString(r)] = hostileString(r);
    return out;
  }
  return sample;
}

/** The JSON text of a mutated sample, sometimes with repeated keys, deep nesting, bad bytes or cut short. */
export function jsonText(r: Rng, sample: unknown): Uint8Array {
  let text = JSON.stringify(mutateJson(r, sample)) ?? "null";
  const roll = r.next();
  if (roll < 0.05 && text.startsWith("{") && text.length > 2) text = `{"name":"a","name":"\\u0000",${text.slice(1)}`;
  else if (roll < 0.08) text = `${"[".repeat(50_000)}${"]".repeat(50_000)}`;
  else if (roll < 0.12) text = text.slice(0, r.int(text.length));
  const b = Buffer.from(text, "utf8");
  if (roll > 0.95) return concat([b.subarray(0, b.length >> 1), Uint8Array.from([0xff, 0xc0]), b.subarray(b.length >> 1)]);
  return b;
}

export const CONTENT_TYPES = [
  "application/x-www-form-urlencoded", "multipart/form-data", "application/json", "text/plain", "text/csv", null,
  "application/octet-stream", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "image/png", "application/x-www-form-urlencoded; charset=latin1", "",
] as const;
