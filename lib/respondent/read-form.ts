// Reading a form posted to a public page (/s, /j, withdraw, /u). Called only once the link has
// been checked, with a limit: at most that many bytes are read (lib/http/read-body.ts), so a huge
// post costs nothing. Only the two form encodings are read; anything else is refused, never a 500.
// Bytes that are not UTF-8 decode to lone surrogates, which parseSurveyPost refuses at their field
// (lib/text/control-characters.ts), so an answer never silently changes.
import { isUtf8 } from "node:buffer";
import { readBodyLimited } from "../http/read-body";
import { PayloadTooLarge } from "../errors/app-error";
import { htmlOutcome, type Outcome } from "./outcome";
import { statusPage } from "./render/status-page";

/** The body limit of a public form with no free text (start, withdraw, stop emails). */
export const FORM_LIMIT = 64 * 1024;

export type FormRefusal = "too_large" | "unsupported" | "malformed";
export type FormRead = { ok: true; entries: [string, string][] } | { ok: false; refusal: FormRefusal };
/** Reads the request's form with at most `limit` bytes; called after the link is checked. */
export type FormReader = (limit: number) => Promise<FormRead>;
/** What a respondent function is given: the form already read (tests, internal calls) or a reader. */
export type FormSource = Iterable<[string, string]> | FormReader;

const URLENCODED = "application/x-www-form-urlencoded";
const MULTIPART = "multipart/form-data";
const FATAL = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const LOSSY = new TextDecoder("utf-8", { ignoreBOM: true });

/** A reader for this request's form. */
export function formReader(req: Request): FormReader {
  return (limit) => readForm(req, limit);
}

export async function readFormSource(source: FormSource, limit: number): Promise<FormRead> {
  return typeof source === "function" ? source(limit) : { ok: true, entries: [...source] };
}

export async function readForm(req: Request, limit: number): Promise<FormRead> {
  const contentType = req.headers.get("content-type") ?? "";
  const type = contentType.split(";")[0].trim().toLowerCase();
  if (type !== URLENCODED && type !== MULTIPART) return { ok: false, refusal: "unsupported" };
  let bytes: Uint8Array;
  try {
    bytes = await readBodyLimited(req, limit);
  } catch (e) {
    return { ok: false, refusal: e instanceof PayloadTooLarge ? "too_large" : "malformed" };
  }
  if (type === URLENCODED) return { ok: true, entries: parseUrlencoded(bytes) };
  let form: FormData;
  try {
    form = await new Response(bytes as BodyInit, { headers: { "content-type": contentType } }).formData();
  } catch {
    return { ok: false, refusal: "malformed" };
  }
  // The multipart parser decodes text fields leniently (U+FFFD); when the body is not UTF-8, mark
  // those replacements so the field is refused rather than stored with different text.
  const mark = !isUtf8(bytes);
  const entries: [string, string][] = [];
  for (const [k, v] of form.entries()) if (typeof v === "string") entries.push([k, mark ? v.replace(/\uFFFD/g, "\uDCFD") : v]);
  return { ok: true, entries };
}

/** application/x-www-form-urlencoded as the WHATWG parser reads it, but decoding UTF-8 strictly. */
export function parseUrlencoded(bytes: Uint8Array): [string, string][] {
  const out: [string, string][] = [];
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  for (const part of text.split("&")) {
    if (!part) continue;
    const eq = part.indexOf("=");
    const [name, value] = eq < 0 ? [part, ""] : [part.slice(0, eq), part.slice(eq + 1)];
    out.push([decodeComponent(name), decodeComponent(value)]);
  }
  return out;
}

function decodeComponent(latin1: string): string {
  const s = latin1.replace(/\+/g, " ");
  if (!/[%\x80-\xff]/.test(s)) return s;
  const bytes = new Uint8Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25 && i + 2 < s.length && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes[n++] = parseInt(s.slice(i + 1, i + 3), 16);
      i += 2;
    } else bytes[n++] = c;
  }
  const b = bytes.subarray(0, n);
  try {
    return FATAL.decode(b);
  } catch {
    return LOSSY.decode(b).replace(/\uFFFD/g, "\uDCFD");
  }
}

/** The calm page for a post that cannot be read: 413, 415 or 400, in the respondent's language. */
export function refusedPost(refusal: FormRefusal, lang: string, back?: string): Outcome {
  const status = { too_large: 413, unsupported: 415, malformed: 400 }[refusal];
  return htmlOutcome(statusPage(refusal === "too_large" ? "too_large" : "unreadable", lang, { back }), status);
}
