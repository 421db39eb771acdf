// What a panel-file row would change for a person already in the panel (matched by code), without
// the database: pure, so the import applies it row by row and the rule is tested on its own.
// Consents are a history: a differing consent is a new record, never a rewrite of an old one.
import type { ImportProblem, PanelRow } from "./check-panel-row";

/** What the panel holds of one person, as the import compares it. */
export type HeldPerson = {
  participantId: string;
  code: string;
  withdrawnAt: Date | null;
  /** Null once the contact is erased. */
  emailHash: string | null;
  language: string | null;
  /** The latest consent of each kind (the one that decides). */
  consents: Map<string, { granted: boolean; at: Date }>;
};

/** One field a row changes. Email values are contact data: only an admin's preview carries them. */
export type FieldChange =
  | { field: "email"; from?: string | null; to?: string }
  | { field: "language"; from: string | null; to: string }
  | { field: `consent_${string}`; from: "yes" | "no" | null; to: "yes" | "no" };

/** What the write needs for an updated person. */
export type UpdatePlan = {
  participantId: string;
  /** The contact row is written (email or language changed, or none was held). */
  contact: boolean;
  emailChanged: boolean;
  /** The contact's language after the update. */
  language: string;
  /** Consents to append, with the file's date (or the import's time). */
  consents: [string, boolean][];
};

const yesNo = (b: boolean | null | undefined) => (b === true ? "yes" : b === false ? "no" : null);
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Compares a checked row with the person its code names. A withdrawn person is refused (a file
 * never re-contacts or re-consents them); a consent older than the one recorded is refused too,
 * since appending it would not change the latest one and the file would silently say otherwise.
 * An empty language cell keeps the held language. No changes and no problems: unchanged.
 */
export function compareWithHeld(row: PanelRow, held: HeldPerson): { problems: ImportProblem[]; changes: FieldChange[]; plan: UpdatePlan | null } {
  const problems: ImportProblem[] = [];
  const problem = (column: string, message: string) => problems.push({ path: `row ${row.line}.${column}`, row: row.line, column, message });
  if (held.withdrawnAt) {
    problem("code", `${held.code} withdrew from the study on ${day(held.withdrawnAt)}; a file cannot change or re-consent a withdrawn person`);
    return { problems, changes: [], plan: null };
  }
  const changes: FieldChange[] = [];
  const emailChanged = row.hash !== "" && row.hash !== held.emailHash;
  if (emailChanged) changes.push({ field: "email" });
  const language = row.languageGiven || held.language === null ? row.language : held.language;
  if (language !== held.language) changes.push({ field: "language", from: held.language, to: language });
  const consents: [string, boolean][] = [];
  for (const [kind, granted] of row.consents) {
    const latest = held.consents.get(kind);
    if (latest && latest.granted === granted) continue;
    if (latest && row.at && row.at < latest.at) {
      problem(`consent_${kind}`, `The consent_date ${day(row.at)} is before the ${kind.replace(/_/g, " ")} consent recorded on ${day(latest.at)}; a file can only add a newer consent`);
      continue;
    }
    consents.push([kind, granted]);
    changes.push({ field: `consent_${kind}`, from: yesNo(latest?.granted), to: yesNo(granted)! });
  }
  if (problems.length || changes.length === 0) return { problems, changes: problems.length ? [] : changes, plan: null };
  return {
    problems, changes,
    plan: { participantId: held.participantId, contact: emailChanged || language !== held.language, emailChanged, language, consents },
  };
}
