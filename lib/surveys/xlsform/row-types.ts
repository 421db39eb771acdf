import type { QuestionType } from "../definition";
import { closestName } from "../suggest";

export type RowKind =
  | { kind: "question"; type: QuestionType; list?: string; orOther?: boolean; acknowledge?: boolean; range?: boolean }
  | { kind: "calculate" }
  | { kind: "preload" }
  /** `unsupported` explains why a loop is refused; its rows still nest like a group. */
  | { kind: "begin"; unsupported?: string; repeat?: boolean }
  | { kind: "end" }
  /** Device or session metadata; `as` is what references to the row read instead (e.g. today()). */
  | { kind: "metadata"; as?: string; note?: string }
  | { kind: "error"; message: string };

const SIMPLE: Record<string, QuestionType> = {
  text: "text", integer: "integer", int: "integer", decimal: "decimal", date: "date", note: "note",
  email: "email", month: "month", time: "time", datetime: "datetime", scale: "scale", consent: "consent", textarea: "textarea",
  // Aliases pyxform accepts (aliases.py): `string`, and phone numbers as text.
  string: "text", tel: "text", phone_number: "text",
};
/** What a reference to a metadata row reads: start and end as the response's time, today as today(). */
const METADATA_VALUE: Record<string, string> = { start: "now()", end: "now()", today: "today()" };
/** SurveyCTO's own metadata types: device recordings and case ids Panelwave does not collect. */
const SURVEYCTO_METADATA: Record<string, string> = {
  caseid: "SurveyCTO case id", text_audit: "SurveyCTO text audit", audio_audit: "SurveyCTO audio audit",
  comments: "SurveyCTO field comments", speed_violations_count: "SurveyCTO speed violations",
  speed_violations_list: "SurveyCTO speed violations", speed_violations_audit: "SurveyCTO speed violations",
  sensor_statistic: "SurveyCTO sensor data", sensor_stream: "SurveyCTO sensor data", simid: "SurveyCTO SIM id",
  devicephonenum: "SurveyCTO device phone number", subscriberid: "SIM subscriber id",
};
const METADATA = new Set([
  "start", "end", "today", "deviceid", "imei", "subscriberid", "simserial", "phonenumber", "username", "audit", "uri:deviceid", "uri:email", "uri:username", "uri:phonenumber",
]);
const UNSUPPORTED: Record<string, string> = {
  geopoint: "location questions are not supported", geotrace: "location questions are not supported",
  geoshape: "location questions are not supported", "start-geopoint": "location questions are not supported",
  "background-geopoint": "location questions are not supported",
  image: "media uploads are not supported", audio: "media uploads are not supported", video: "media uploads are not supported",
  file: "file uploads are not supported", "background-audio": "audio recording is not supported",
  barcode: "barcode scanning is not supported",
  select_one_from_file: "choices from external files are not supported; put the choices on the choices sheet",
  select_multiple_from_file: "choices from external files are not supported; put the choices on the choices sheet",
  select_one_external: "external choices are not supported; put the choices on the choices sheet",
  rank: "ranking questions are not supported",
  include: "including other forms is not supported", loop: "loops are not supported",
  trigger: "trigger is not supported; use acknowledge or consent", "xml-external": "external data is not supported",
  "csv-external": "external data is not supported", "osm": "map questions are not supported",
};
const KNOWN = [...Object.keys(SIMPLE), ...METADATA, ...Object.keys(UNSUPPORTED), "select_one", "select_multiple", "matrix",
  "calculate", "calculate_here", "string", "range", "hidden", "preload", "acknowledge", "begin_group", "end_group", "begin_repeat", "end_repeat"];

/** Reads the type column: `select_one yes_no or_other`, `begin group`, `date`, … */
export function classifyType(raw: string, hasLabel: boolean): RowKind {
  let t = raw.trim().replace(/\s+/g, " ").toLowerCase();
  t = t.replace(/^(begin|end) (group|repeat|loop)\b/, "$1_$2").replace(/^select (one|multiple)\b/, "select_$1");
  // pyxform's long spellings: "select one from L", "select all that apply from L", "… or specify other".
  t = t.replace(/^select_(one|multiple) from\b/, "select_$1").replace(/^select all that apply( from)?\b/, "select_multiple");
  t = t.replace(/^select_(one|multiple)_or_specify_other\b/, "select_$1");
  t = t.replace(/\bor specify other$/, "or_other").replace(/^(text|audio|speed violations|sensor|phone) (audit|number|count|list|statistic|stream)$/, (_, a: string, b: string) => `${a.replace(" ", "_")}_${b}`);
  if (t === "calculate_here") t = "calculate";
  const [head, ...args] = t.split(" ");
  // The list name as written (names are case-sensitive); the type words around it are not.
  const words = raw.trim().split(/\s+/);
  const rawArgs = args.map((a) => [...words].reverse().find((w) => w.toLowerCase() === a) ?? a);
  if (head === "begin_repeat") return { kind: "begin", repeat: true };
  if (head === "begin_loop") return { kind: "begin", unsupported: "loops are not supported" };
  if (head === "end_group" || head === "end_repeat" || head === "end_loop") return { kind: "end" };
  if (UNSUPPORTED[head]) return { kind: "error", message: `Type "${head}" is not supported: ${UNSUPPORTED[head]}` };
  if (head === "select_one" || head === "select_multiple" || head === "matrix") {
    const list = rawArgs[0];
    if (!list) return { kind: "error", message: `${head} needs a choice list name, e.g. "${head} yes_no"` };
    const orOther = args[1] === "or_other";
    if (args.length > 2 || (args.length === 2 && !orOther) || (orOther && head === "matrix")) {
      return { kind: "error", message: `Cannot read type "${raw}": expected "${head} LIST_NAME"${head === "matrix" ? "" : " optionally followed by or_other"}` };
    }
    return { kind: "question", type: head === "select_one" ? "single" : head === "select_multiple" ? "multiple" : "matrix", list, orOther };
  }
  // SurveyCTO's sensor metadata names what it records after the type ("sensor_statistic pct_quiet").
  if (SURVEYCTO_METADATA[head]) return { kind: "metadata", note: SURVEYCTO_METADATA[head], as: "''" };
  if (args.length) return { kind: "error", message: `Cannot read type "${raw}": "${head}" takes nothing after it` };
  if (head === "begin_group") return { kind: "begin" };
  if (head === "calculate") return { kind: "calculate" };
  if (head === "hidden" || head === "preload") return { kind: "preload" };
  if (head === "range") return { kind: "question", type: "scale", range: true };
  if (head === "acknowledge") return { kind: "question", type: "consent", acknowledge: true };
  // ODK's `email` is device metadata; with a label it is Panelwave's email question.
  if (head === "email" && !hasLabel) return { kind: "metadata" };
  if (SIMPLE[head]) return { kind: "question", type: SIMPLE[head] };
  if (METADATA.has(head)) return { kind: "metadata", as: METADATA_VALUE[head] ?? "''" };
  const near = closestName(head, KNOWN);
  return { kind: "error", message: `Unknown type "${raw.trim()}"${near ? `; did you mean "${near}"?` : ""}` };
}
