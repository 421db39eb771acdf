// Access and portability (GDPR art. 15 and 20): everything held about one participant, driven by
// the registry (every table's rows for the person), as JSON and as a readable HTML document in the
// person's language. Admins only; audited before the data is handed out.
import type { Db } from "../../db/client";
import { outboxIdsOf, studyWaveDefinitions } from "../../db/queries/privacy";
import { requireAdmin } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { recordAudit } from "../audit/record-audit";
import { decryptPersonal } from "../crypto/personal-data";
import { once, type Download } from "../files/download";
import { formatDate } from "../i18n/format-date";
import { isRespondentLanguage, type RespondentLanguage } from "../i18n/respondent-messages";
import { studyTimeZone } from "../i18n/study-time-zone";
import { participantInStudy } from "../panel/participant-page";
import { html, raw, type Raw } from "../respondent/render/html";
import type { Question } from "../surveys/definition";
import { loadStoredDefinition } from "../surveys/load-stored-definition";
import { textIn } from "../surveys/texts";
import { ACCESS_TEXTS } from "./access-texts";
import { newErasureRef } from "./erase-participant";
import { participantTables, type Person } from "./personal-data";

type Row = Record<string, unknown>;

export type AnsweredQuestion = { name: string; label: string; answer: unknown; answerText: string };
export type AccessDocument = {
  study: { slug: string; name: string };
  participant: string;
  generatedAt: string;
  language: RespondentLanguage;
  email: string | null;
  consents: { kind: string; granted: boolean; wordingVersion: string | null; wordingText: string | null; language: string | null; method: string; recordedAt: string }[];
  answers: { wave: string; waveName: string; status: string; completedAt: string | null; questions: AnsweredQuestion[] }[];
  recruitment: Row[];
  emails: { kind: string; template: string; status: string; sentAt: string | null; subject: string | null; text: string | null }[];
  /** Every registry table's rows for the person, encrypted columns opened (key without "Encrypted"). */
  tables: Record<string, Row[]>;
};

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v == null ? null : String(v));

/** A row with each "…Encrypted" text opened under its plain name (left sealed if it will not open). */
function opened(key: Buffer, row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) {
    if (k.endsWith("Encrypted") && typeof v === "string") {
      try {
        out[k.slice(0, -"Encrypted".length)] = decryptPersonal(key, v);
        continue;
      } catch {
        // Sealed under another key: kept as stored.
      }
    }
    if (k === "emailHash" || k === "tokenHash") continue;
    out[k] = v;
  }
  return out;
}

function answerText(q: Question | undefined, v: unknown, lang: string, fallback: string): string {
  if (v === null || v === undefined || v === "") return "";
  const options = q && "options" in q && Array.isArray(q.options) ? (q.options as { code: string; label: Record<string, string> }[]) : [];
  const label = (code: unknown) => {
    const o = options.find((x) => x.code === String(code));
    return o ? textIn(o.label, lang, fallback) : String(code);
  };
  if (Array.isArray(v)) return v.map(label).join("; ");
  if (typeof v === "object") return JSON.stringify(v);
  return label(v);
}

/** Collects the document (no audit, no permission check: accessDownload does both). */
export async function collectAccessDocument(db: Db, key: Buffer, study: { id: string; slug: string; name: string; settings: unknown }, person: { id: string; code: string }, now: Date): Promise<AccessDocument> {
  const p: Person = { participantId: person.id, studyId: study.id, code: person.code, outboxIds: await outboxIdsOf(db, person.id), erasureRef: newErasureRef(), key, now };
  const tables: Record<string, Row[]> = {};
  for (const rule of participantTables()) tables[rule.table] = (await rule.rowsFor!(db, p)).map((r) => opened(key, r));
  const contact = tables.contacts[0];
  const responses = [...tables.responses].sort((a, b) => String(iso(a.startedAt)).localeCompare(String(iso(b.startedAt))));
  const lastLang = responses.map((r) => r.language).reverse().find(isRespondentLanguage);
  const language: RespondentLanguage = isRespondentLanguage(contact?.language) ? contact.language : lastLang ?? "en";
  const waves = await studyWaveDefinitions(db, study.id);
  const answers = waves.flatMap((w) => {
    const r = responses.find((x) => x.waveId === w.id);
    if (!r) return [];
    const def = loadStoredDefinition(w.versionId, w.definition);
    const questions = def.pages.flatMap((pg) => pg.questions);
    const given = (r.answers ?? {}) as Record<string, unknown>;
    const asked: AnsweredQuestion[] = questions.filter((q) => q.name in given).map((q) => ({
      name: q.name, label: textIn(q.label, language, def.defaultLanguage), answer: given[q.name], answerText: answerText(q, given[q.name], language, def.defaultLanguage),
    }));
    const other = Object.keys(given).filter((n) => !questions.some((q) => q.name === n)).map((n) => ({ name: n, label: n, answer: given[n], answerText: answerText(undefined, given[n], language, def.defaultLanguage) }));
    return [{ wave: w.slug, waveName: w.name, status: String(r.status), completedAt: iso(r.completedAt), questions: [...asked, ...other] }];
  });
  const mail = new Map(tables.mailbox.map((m) => [Number(m.outboxId), m]));
  return {
    study: { slug: study.slug, name: study.name },
    participant: person.code,
    generatedAt: now.toISOString(),
    language,
    email: typeof contact?.email === "string" ? contact.email : null,
    consents: tables.consents.map((c) => ({
      kind: String(c.kind), granted: c.granted === true, wordingVersion: (c.wordingVersion as string) ?? null, wordingText: (c.wordingText as string) ?? null,
      language: (c.language as string) ?? null, method: String(c.method), recordedAt: iso(c.recordedAt)!,
    })),
    answers,
    recruitment: tables.recruitment,
    emails: tables.outbox.map((o) => {
      const m = mail.get(Number(o.id));
      return { kind: String(o.kind), template: String(o.template), status: String(o.status), sentAt: iso(o.sentAt), subject: m ? String(m.subject) : null, text: m ? String(m.text) : null };
    }),
    tables,
  };
}

/** The readable document: headings and tables in the person's language. */
export function accessHtml(d: AccessDocument, timeZone: string): string {
  const t = ACCESS_TEXTS[d.language];
  const when = (s: string | null) => (s ? formatDate(new Date(s), "minute", { timeZone }) : "–");
  const table = (head: string[], rows: (string | Raw)[][]): Raw =>
    rows.length === 0 ? html`<p>${t.none}</p>` : html`<table><thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead><tbody>${rows.map((r) => html`<tr>${r.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody></table>`;
  const body = html`<h1>${t.title(d.study.name)}</h1><p>${t.intro(d.participant, when(d.generatedAt))}</p>
<h2>${t.contact}</h2>${table([t.email, t.language], d.email ? [[d.email, d.language]] : [])}
<h2>${t.consents}</h2>${table([t.consents, "", t.wording, t.sent], d.consents.map((c) => [c.kind.replace(/_/g, " "), c.granted ? t.consentGiven : t.consentWithdrawn, c.wordingText ?? c.wordingVersion ?? "–", when(c.recordedAt)]))}
<h2>${t.answers}</h2>${d.answers.length === 0 ? html`<p>${t.none}</p>` : d.answers.map((a) => html`<h3>${a.waveName}</h3>${table([t.question, t.answer], a.questions.map((q) => [q.label, q.answerText]))}`)}
<h2>${t.recruitment}</h2>${table(["", ""], d.recruitment.map((r) => [String(r.status), String(r.notes ?? "")]))}
<h2>${t.emails}</h2>${table([t.sent, t.subject], d.emails.map((e) => [when(e.sentAt), e.subject ?? e.template]))}
<h2>${t.allTables}</h2>${Object.entries(d.tables).map(([name, rows]) => html`<h3>${name}</h3>${rows.length ? html`<pre>${JSON.stringify(rows, null, 2)}</pre>` : html`<p>${t.none}</p>`}`)}`;
  const css = "body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111}table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}pre{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.8rem;background:#f4f4f4;padding:.5rem}";
  return `<!doctype html>${html`<html lang="${d.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${t.title(d.study.name)}</title><style>${raw(css)}</style></head><body><main>${body}</main></body></html>`.__html}`;
}

/** GET the person's data as JSON or HTML: admins only, audited first (participant.data_exported). */
export async function accessDownload(db: Db, key: Buffer, user: StaffUser, slug: string, code: string, format: string, now: Date): Promise<Download> {
  requireAdmin(user, "a participant's data");
  const { study, person } = await participantInStudy(db, user, slug, code);
  const fmt = format === "html" ? "html" : "json";
  const doc = await collectAccessDocument(db, key, study, person, now);
  await recordAudit(db, user, { studyId: study.id, action: "participant.data_exported", target: person.code, filter: { format: fmt }, rowCount: Object.values(doc.tables).reduce((n, r) => n + r.length, 0) }, now);
  const text = fmt === "html" ? accessHtml(doc, studyTimeZone(study.settings)) : JSON.stringify(doc, null, 2);
  return { filename: `${study.slug}-${person.code}-data.${fmt}`, contentType: fmt === "html" ? "text/html; charset=utf-8" : "application/json; charset=utf-8", rows: null, body: once(text) };
}
