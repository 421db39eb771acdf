// The local mailbox keeps what identifies or reaches a person sealed: the recipient's address,
// both bodies (they carry working personal links) and every header value (List-Unsubscribe is a
// link too), each encrypted like contacts (AES-GCM under the personal-data key). Sender and
// subject stay readable for the list. Pure.
import type { MailboxInsert } from "../../db/queries/mailbox";
import { decryptPersonal, encryptPersonal } from "../crypto/personal-data";

/** What encryptPersonal writes: "v1.<iv>.<tag>.<ciphertext>", base64url. No address or HTML looks like it. */
const SEALED = /^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
export const SEALED_PATTERN_SQL = "^v1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$";

export const isSealed = (s: string) => SEALED.test(s);

type Personal = Pick<MailboxInsert, "toAddress" | "html" | "text" | "headers" | "attachments">;

/** The personal fields of a message, sealed; a field already sealed is left as it is (idempotent). */
export function sealMailboxFields<T extends Personal>(key: Buffer, m: T): T {
  const seal = (s: string) => (isSealed(s) ? s : encryptPersonal(key, s));
  return {
    ...m,
    toAddress: seal(m.toAddress),
    html: seal(m.html),
    text: seal(m.text),
    headers: Object.fromEntries(Object.entries(m.headers).map(([k, v]) => [k, seal(v)])),
    ...(m.attachments ? { attachments: m.attachments.map((a) => ({ ...a, content: seal(a.content) })) } : {}),
  };
}

/**
 * The personal fields opened for an admin's eyes. Text that is not sealed is shown as stored: the
 * "(erased)" mark left by a withdrawal, or a message from before sealing not yet sealed. Text
 * sealed under another key is shown as such rather than failing the page.
 */
export function openMailboxFields<T extends Partial<Personal>>(key: Buffer, m: T): T {
  const open = (s: string) => {
    if (!isSealed(s)) return s;
    try {
      return decryptPersonal(key, s);
    } catch {
      // Sealed under another key (PERSONAL_DATA_KEY was changed): unreadable, like the contacts.
      return "(sealed with another key)";
    }
  };
  return {
    ...m,
    ...(m.toAddress !== undefined ? { toAddress: open(m.toAddress) } : {}),
    ...(m.html !== undefined ? { html: open(m.html) } : {}),
    ...(m.text !== undefined ? { text: open(m.text) } : {}),
    ...(m.headers !== undefined ? { headers: Object.fromEntries(Object.entries(m.headers).map(([k, v]) => [k, open(v)])) } : {}),
    ...(m.attachments !== undefined ? { attachments: m.attachments.map((a) => ({ ...a, content: open(a.content) })) } : {}),
  };
}
