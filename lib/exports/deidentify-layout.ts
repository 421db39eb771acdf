// The de-identified export profile as a layer over a response layout (wide or long): identifier
// questions dropped, the pseudonymous code replaced by a keyed hash whose key lives only for this
// export, dates shifted per participant (date-shift.ts), free text masked (mask-personal-text.ts).
// Every codebook entry says what was done to its column; dropped columns are listed too.
import { createHmac, randomBytes } from "node:crypto";
import type { Cell } from "../files/cells";
import { getPlan } from "../surveys/plan";
import type { StudyWave } from "../studies/load-waves";
import { DATE_SHIFT_MAX_DAYS, dateShiftDays, shiftDateValue } from "./date-shift";
import type { CodebookEntry, Layout } from "./export-layout";
import { maskPersonalText } from "./mask-personal-text";

export const EXPORT_PROFILES = ["pseudonymous", "deidentified"] as const;
export type ExportProfile = (typeof EXPORT_PROFILES)[number];

type Transform = "id-hash" | "date" | "month" | "datetime" | "mask" | "keep";

export const TRANSFORMATION_TEXT: Record<Exclude<Transform, "keep"> | "dropped", string> = {
  "id-hash": "Pseudonymous code replaced by a keyed hash (HMAC-SHA-256 under a random key made for this export and never stored): rows of one export link, exports do not",
  date: `Date shifted by the participant's offset (the same in every wave; a whole number of days within ±${DATE_SHIFT_MAX_DAYS}, not 0; not exported)`,
  month: `Month shifted by the participant's offset (from its 15th day; the same in every wave; within ±${DATE_SHIFT_MAX_DAYS} days)`,
  datetime: `Time shifted by the participant's offset (the same in every wave; whole days within ±${DATE_SHIFT_MAX_DAYS}; not exported)`,
  mask: "Free text: email addresses, URLs and phone numbers replaced by [email], [url] and [phone]",
  dropped: "Dropped: the question is marked as an identifier (or asks for an email address)",
};

// Letters only: a hash in hex could read as a phone number to the scans that check the export.
const ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
const letters = (mac: Buffer) => [...mac.subarray(0, 14)].map((b) => ALPHABET[b % ALPHABET.length]).join("");

/** The variables each wave marks as identifying: questions flagged `identifier`, and email questions. */
function identifierVariables(waves: StudyWave[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const w of waves) {
    const vars = new Set<string>();
    for (const qp of getPlan(w.def).questions) {
      if (qp.q.identifier || qp.q.type === "email") for (const v of qp.variables) vars.add(v);
    }
    out.set(w.slug, vars);
  }
  return out;
}

function transformOf(e: CodebookEntry): Transform {
  if (e.type === "id") return "id-hash";
  if (e.type === "date") return "date";
  if (e.type === "month") return "month";
  if (e.type === "meta" && e.variable === "completed_at") return "datetime";
  if (e.type === "text" || e.type === "other") return "mask";
  return "keep";
}

/**
 * Wraps `inner` (built without identifiers) into the de-identified profile. `installationKey`
 * (the personal-data key) derives each participant's date offset; without it the layout still
 * describes its columns (codebook, syntax files) but cannot produce rows. Layouts of one export
 * (the main table and the repeats' tables) share `exportKey`, so their hashed ids link.
 */
export function deidentifyLayout(inner: Layout, waves: StudyWave[], installationKey: Buffer | null, exportKey: Buffer = randomBytes(32)): Layout {
  const identifying = identifierVariables(waves);
  const anyWave = new Set([...identifying.values()].flatMap((s) => [...s]));
  const isIdentifier = (e: CodebookEntry) =>
    e.type !== "meta" && e.type !== "id" && (e.wave ? identifying.get(e.wave)?.has(e.variable) : anyWave.has(e.variable));
  const keep: number[] = [];
  const dropped: CodebookEntry[] = [];
  inner.codebook.forEach((e, i) => (isIdentifier(e) ? dropped.push(e) : keep.push(i)));
  const transforms = keep.map((i) => transformOf(inner.codebook[i]));
  const codebook = keep.map((i, k) => {
    const t = transforms[k];
    return { ...inner.codebook[i], ...(t === "keep" ? {} : { transformation: TRANSFORMATION_TEXT[t] }) };
  });
  const hashId = (code: Cell) => (code === null ? null : `D-${letters(createHmac("sha256", exportKey).update(String(code)).digest())}`);
  return {
    header: codebook.map((c) => c.name),
    codebook,
    dropped: dropped.map((e) => ({ ...e, transformation: TRANSFORMATION_TEXT.dropped })),
    rows: (p) => {
      if (!installationKey) throw new Error("de-identified rows need the installation key");
      const days = dateShiftDays(installationKey, p.id);
      return inner.rows(p, null).map((row) =>
        keep.map((i, k): Cell => {
          const v = row[i];
          switch (transforms[k]) {
            case "id-hash": return hashId(v);
            case "date": return shiftDateValue(v, days, "date");
            case "month": return shiftDateValue(v, days, "month");
            case "datetime": return shiftDateValue(v, days, "datetime");
            case "mask": return typeof v === "string" ? maskPersonalText(v) : v;
            default: return v;
          }
        }),
      );
    },
  };
}
