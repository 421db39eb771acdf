// My details: what a participant sees of the contact details the study holds (masked), and the
// changes they make through their /d/<token> link: a new or second email (used only once
// confirmed through a link sent to it), a phone, the language, where they live. Every change is
// audited without values; the history keeps what changed as of each wave.
import type { Db } from "../../db/client";
import {
  adoptContactAddresses, countContactTokensSince, findContactOwner, findParticipantDetails, insertContactHistory, insertContactToken,
  listContactPoints, spendContactToken, updateContactPoint, upsertContactPoint, upsertParticipantDetails,
} from "../../db/queries/contact-points";
import { transaction } from "../../db/transaction";
import { recordAudit } from "../audit/record-audit";
import { contactValueHash, countryName, isCountryCode, maskContact, parseEmail, parsePhone } from "../contact-points/contact-values";
import { refreshCurrentAddress } from "../contact-points/refresh-current-address";
import { decryptPersonal, encryptPersonal } from "../crypto/personal-data";
import { contactConfirmationToken, hashToken } from "../crypto/tokens";
import type { DetailsField } from "../i18n/details-messages";
import { RESPONDENT_LANGUAGES } from "../i18n/respondent-messages";
import { queueContactPointMail } from "../mail/queue-mail";

/** How long a confirmation link works. */
export const CONFIRMATION_DAYS = 7;
/** Confirmation links one participant may ask for in a day (a cap against mail bombing). */
export const CONFIRMATIONS_PER_DAY = 5;

export type HeldPoint = { id: string; kind: "email" | "phone"; role: "primary" | "secondary"; state: "confirmed" | "unconfirmed" | "bounced"; masked: string };
export type HeldDetails = { points: HeldPoint[]; country: string | null; town: string | null; language: string | null };

/** What the page shows: live points masked (removed ones left out), the residence and the chosen language. */
export async function loadMyDetails(db: Db, key: Buffer, participantId: string, now: Date): Promise<HeldDetails> {
  // A contacts row written before contact points existed (or by an import since) becomes a point first.
  await adoptContactAddresses(db, [participantId], { source: "import", now, replacePrimary: false });
  const points = (await listContactPoints(db, participantId)).filter((p) => p.state !== "removed" && p.valueEncrypted);
  const d = await findParticipantDetails(db, participantId);
  return {
    points: points.map((p) => ({
      id: p.id, kind: p.kind, role: p.role, state: p.state as HeldPoint["state"],
      masked: maskContact(p.kind, decryptPersonal(key, p.valueEncrypted!)),
    })),
    country: d?.country ?? null,
    town: d?.townEncrypted ? decryptPersonal(key, d.townEncrypted) : null,
    language: d?.language ?? null,
  };
}

export function residenceText(d: HeldDetails, language: string): string | null {
  const parts = [d.town, d.country ? countryName(d.country, language) : null].filter(Boolean);
  return parts.length ? parts.join(", ") : null;
}

export type DetailsForm = Partial<Record<Exclude<DetailsField, "address">, string>> & {
  /** The language the form's list showed selected: leaving it as it was is no choice. */
  languageShown?: string;
};
export type DetailsErrorKey = "email" | "email2" | "sameEmail" | "phone" | "country" | "town" | "language" | "nothing";
export type SaveResult =
  | { ok: true; confirmationsSent: number; tooMany: boolean; changed: string[] }
  | { ok: false; errors: { field: DetailsField; key: DetailsErrorKey }[] };

type Parsed = { email?: string; email2?: string; phone?: string; language?: string; country?: string | null; town?: string | null };

/** Checks the form; every error names its field. Empty fields change nothing. Pure. */
export function parseDetailsForm(f: DetailsForm, held: HeldDetails): { ok: true; value: Parsed } | { ok: false; errors: { field: DetailsField; key: DetailsErrorKey }[] } {
  const errors: { field: DetailsField; key: DetailsErrorKey }[] = [];
  const v: Parsed = {};
  const t = (s: string | undefined) => (s ?? "").trim();
  if (t(f.email)) {
    const e = parseEmail(t(f.email));
    if (e) v.email = e;
    else errors.push({ field: "email", key: "email" });
  }
  if (t(f.email2)) {
    const e = parseEmail(t(f.email2));
    if (!e) errors.push({ field: "email2", key: "email2" });
    else if (e === v.email) errors.push({ field: "email2", key: "sameEmail" });
    else v.email2 = e;
  }
  if (t(f.phone)) {
    const p = parsePhone(t(f.phone));
    if (p) v.phone = p;
    else errors.push({ field: "phone", key: "phone" });
  }
  if (t(f.language) && t(f.language) !== held.language && t(f.language) !== (held.language ?? f.languageShown)) {
    if ((RESPONDENT_LANGUAGES as readonly string[]).includes(t(f.language))) v.language = t(f.language);
    else errors.push({ field: "language", key: "language" });
  }
  if (f.country !== undefined && (t(f.country) || null) !== held.country) {
    if (!t(f.country)) v.country = null;
    else if (isCountryCode(t(f.country))) v.country = t(f.country);
    else errors.push({ field: "country", key: "country" });
  }
  if (f.town !== undefined && (t(f.town) || null) !== held.town) {
    if (t(f.town).length > 100 || /[\u0000-\u001f\u007f]/.test(t(f.town))) errors.push({ field: "town", key: "town" });
    else v.town = t(f.town) || null;
  }
  if (errors.length) return { ok: false, errors };
  if (Object.keys(v).length === 0) return { ok: false, errors: [{ field: "email", key: "nothing" }] };
  return { ok: true, value: v };
}

/**
 * Saves what the person changed on their My details page. New addresses are stored unconfirmed
 * and a confirmation link goes to each (at most CONFIRMATIONS_PER_DAY a day); mail keeps going to
 * the current address until one is confirmed. One transaction; audited as the respondent.
 */
export async function saveMyDetails(
  db: Db,
  s: { personalDataKey: Buffer },
  participantId: string,
  form: DetailsForm,
  now: Date,
): Promise<SaveResult> {
  const key = s.personalDataKey;
  const owner = await findContactOwner(db, participantId);
  if (!owner) return { ok: false, errors: [{ field: "email", key: "nothing" }] };
  const held = await loadMyDetails(db, key, participantId, now);
  const parsed = parseDetailsForm(form, held);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  return transaction(db, async (tx) => {
    const changed: string[] = [];
    const history: Parameters<typeof insertContactHistory>[1] = [];
    const at = { participantId, studyId: owner.studyId, at: now };
    const toConfirm: string[] = [];
    const language = v.language ?? held.language ?? owner.contactLanguage ?? owner.defaultLanguage;

    const addPoint = async (kind: "email" | "phone", value: string, role: "primary" | "secondary", field: string) => {
      const p = await upsertContactPoint(tx, {
        participantId, studyId: owner.studyId, kind, valueEncrypted: encryptPersonal(key, value), valueHash: contactValueHash(key, kind, value),
        role, source: "details", now,
      });
      changed.push(field);
      history.push({ ...at, contactPointId: p.id, change: "added", detail: `${kind} ${role} ${p.state}` });
      if (kind === "email" && p.state === "unconfirmed") toConfirm.push(p.id);
      return p;
    };
    if (v.email) {
      const p = await addPoint("email", v.email, "primary", "email");
      if (p.state === "confirmed") {
        // Already one of theirs, confirmed (their second address): it becomes the main one now.
        for (const old of (await listContactPoints(tx, participantId)).filter((x) => x.kind === "email" && x.role === "primary" && x.id !== p.id && x.state !== "removed")) {
          await updateContactPoint(tx, old.id, { state: "removed", updatedAt: now });
          history.push({ ...at, contactPointId: old.id, change: "removed", detail: "replaced by a confirmed main address" });
        }
        await refreshCurrentAddress(tx, participantId, now);
      }
    }
    if (v.email2) await addPoint("email", v.email2, "secondary", "email2");
    if (v.phone) {
      const p = await addPoint("phone", v.phone, "primary", "phone");
      // One phone number: a new one replaces the old.
      for (const old of (await listContactPoints(tx, participantId)).filter((x) => x.kind === "phone" && x.id !== p.id && x.state !== "removed")) {
        await updateContactPoint(tx, old.id, { state: "removed", updatedAt: now });
        history.push({ ...at, contactPointId: old.id, change: "removed", detail: "phone replaced" });
      }
    }
    if (v.language !== undefined || v.country !== undefined || v.town !== undefined) {
      await upsertParticipantDetails(tx, {
        participantId, studyId: owner.studyId, now, language: v.language, country: v.country,
        townEncrypted: v.town === undefined ? undefined : v.town === null ? null : encryptPersonal(key, v.town),
      });
      if (v.language !== undefined) {
        changed.push("language");
        history.push({ ...at, change: "language", detail: v.language });
      }
      if (v.country !== undefined || v.town !== undefined) {
        if (v.country !== undefined) changed.push("country");
        if (v.town !== undefined) changed.push("town");
        history.push({ ...at, change: "residence", detail: v.country === undefined ? held.country : v.country });
      }
    }
    let sent = 0;
    let tooMany = false;
    for (const pointId of toConfirm) {
      if ((await countContactTokensSince(tx, participantId, new Date(now.getTime() - 86_400_000))) >= CONFIRMATIONS_PER_DAY) {
        tooMany = true;
        break;
      }
      const tokenId = crypto.randomUUID();
      const expiresAt = new Date(now.getTime() + CONFIRMATION_DAYS * 86_400_000);
      await insertContactToken(tx, { id: tokenId, tokenHash: hashToken(contactConfirmationToken(key, tokenId)), participantId, contactPointId: pointId, createdAt: now, expiresAt });
      await queueContactPointMail(tx, {
        participantId, studyId: owner.studyId, contactPointId: pointId, kind: "contact_confirmation", template: "contact-confirmation", language,
        data: { tokenId, expiresAt: expiresAt.toISOString() }, idempotencyKey: `contact-confirmation:${tokenId}`,
      }, now);
      sent++;
    }
    await insertContactHistory(tx, history);
    await recordAudit(tx, { kind: "respondent" }, {
      studyId: owner.studyId, action: "participant.details_changed", target: owner.code, filter: { via: "my_details" }, rowCount: 1,
      outcome: { changed, confirmationsSent: sent, ...(tooMany ? { confirmationsRefused: "daily cap" } : {}) },
    }, now);
    return { ok: true, confirmationsSent: sent, tooMany, changed };
  });
}

/**
 * "My details are still right": the person says nothing changed (contact_history
 * "confirmed_unchanged"): keep-in-touch reports count it, and "details older than N months"
 * leaves them out for N months.
 */
export async function confirmDetailsUnchanged(db: Db, participantId: string, now: Date): Promise<boolean> {
  const owner = await findContactOwner(db, participantId);
  if (!owner) return false;
  await insertContactHistory(db, [{ participantId, studyId: owner.studyId, change: "confirmed_unchanged", detail: null, at: now }]);
  return true;
}

/** Whether a confirmation token can still be used (the GET page: changes nothing, mail scanners follow links). */
export { findLiveContactToken } from "../../db/queries/contact-points";

/**
 * Confirms the point a token was issued for, and only for the participant whose My details link
 * asked for it (the token row binds both). Single use: spent by one conditional update. A new
 * main address replaces the old main one (removed); a second one is kept as a fallback. The
 * contacts row then points at the working address. Returns the participant, or null for an
 * unknown, expired or used token (one answer for all three).
 */
export async function confirmContactPoint(db: Db, token: string, now: Date): Promise<{ participantId: string } | null> {
  return transaction(db, async (tx) => {
    const spent = await spendContactToken(tx, hashToken(token), now);
    if (!spent) return null;
    const owner = await findContactOwner(tx, spent.participantId);
    if (!owner || owner.withdrawnAt) return null;
    const points = await listContactPoints(tx, spent.participantId);
    const point = points.find((p) => p.id === spent.contactPointId);
    if (!point || point.state === "removed" || !point.valueEncrypted) return null;
    const history: Parameters<typeof insertContactHistory>[1] = [];
    const at = { participantId: spent.participantId, studyId: owner.studyId, at: now };
    await updateContactPoint(tx, point.id, { state: "confirmed", confirmedAt: now, lastWorkedAt: now, bouncedAt: null, softBounceCount: 0, updatedAt: now });
    history.push({ ...at, contactPointId: point.id, change: "confirmed", detail: `${point.kind} ${point.role}` });
    if (point.role === "primary") {
      for (const old of points.filter((p) => p.kind === point.kind && p.role === "primary" && p.id !== point.id && p.state !== "removed")) {
        await updateContactPoint(tx, old.id, { state: "removed", updatedAt: now });
        history.push({ ...at, contactPointId: old.id, change: "removed", detail: "replaced by a confirmed main address" });
      }
    }
    const cur = await refreshCurrentAddress(tx, spent.participantId, now);
    await insertContactHistory(tx, history);
    await recordAudit(tx, { kind: "respondent" }, {
      studyId: owner.studyId, action: "participant.contact_confirmed", target: owner.code, filter: { via: "confirmation_link" }, rowCount: 1,
      outcome: { kind: point.kind, role: point.role, currentAddressChanged: cur.changed },
    }, now);
    return { participantId: spent.participantId };
  });
}
