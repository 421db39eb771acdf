// An upload sent as a plain form post (scripts off) is answered with a redirect, not JSON. What
// the next page shows (the problems of a refused file, the warnings of a saved one) travels in a
// short-lived cookie for that page's path, tagged with an id that the redirect puts in the URL,
// so only the page this upload led to shows it. Text only: the page renders it as text.
import { randomUUID } from "node:crypto";
import type { FileIssue } from "./issue-table";

export const UPLOAD_RESULT_COOKIE = "pw-upload-result";

/** `more`: how many issues did not fit in the cookie (a browser keeps about 4 KB of one). */
export type UploadResult = { id: string; file: string; message: string; issues: FileIssue[]; more: number };

const MAX_CHARS = 3500;
const encode = (r: UploadResult) => Buffer.from(JSON.stringify(r)).toString("base64url");

/** The Set-Cookie value carrying `result` to the page at `path` for two minutes, and the id to put in its URL. */
export function uploadResultCookie(path: string, result: Omit<UploadResult, "id" | "more">): { id: string; setCookie: string } {
  const id = randomUUID();
  const issues = result.issues.map((i) => ({ ...i, message: i.message.slice(0, 300) }));
  let kept = issues.length;
  while (kept > 0 && encode({ ...result, id, issues: issues.slice(0, kept), more: issues.length - kept }).length > MAX_CHARS) kept--;
  const value = encode({ ...result, id, message: result.message.slice(0, 300), issues: issues.slice(0, kept), more: issues.length - kept });
  return { id, setCookie: `${UPLOAD_RESULT_COOKIE}=${value}; Path=${path}; Max-Age=120; HttpOnly; SameSite=Lax` };
}

/** The result in the cookie when it belongs to the page's `id` (from the URL), else null. */
export function readUploadResult(raw: string | undefined, id: string | undefined): UploadResult | null {
  if (!raw || !id) return null;
  try {
    const r = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as UploadResult;
    return r.id === id && Array.isArray(r.issues) ? r : null;
  } catch {
    return null;
  }
}
