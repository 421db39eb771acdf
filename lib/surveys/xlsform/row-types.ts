import type { QuestionType } from "../definition";
import { closestName } from "../suggest";

export type RowKind =
  | { kind: "question"; type: QuestionType; list?: string; orOther?: boolean; acknowledge?: boolean }
  | { kind: "calculate" }
  | { kind: "preload" }
  /** `unsupported` explains why a repeat or loop is refused; its rows still nest like a group. */
  | { kind: "begin"; unsupported?: string }
  | { kind: "end" }
  | { kind: "metadata" }
  | { kind: "error"; message: string };

const SIMPLE: Record<string, QuestionType> = {
  text: "text", integer: "integer", int: "integer", decimal: "decimal", date: "date", note: "note",
  email: "email", month: "month", scale: "scale", consent: "consent", textarea: "textarea",
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
  rank: "ranking questions are not supported", range: "range is not supported; use the Panelwave type scale (parameters start=1 end=5)",
  include: "including other forms is not supported", loop: "loops are not supported", time: "time questions are not supported", datetime: "date-time questions are not supported",
  trigger: "trigger is not supported; use acknowledge or consent", "xml-external": "external data is not supported",
  "csv-external": "external data is not supported", "osm": "map questions are not supported",
};
const KNOWN = [...Object.keys(SIMPLE), ...METADATA, ...Object.keys(UNSUPPORTED), "select_one", "select_multiple", "matrix",
  "calculate", "hidden", "preload", "acknowledge", "begin_group", "end_group", "begin_repeat", "end_repeat"];

/** Reads the type column: `select_one yes_no or_other`, `begin group`, `date`, … */
export function classifyType(raw: string, hasLabel: boolean): RowKind {
  let t = raw.trim().replace(/\s+/g, " ").toLowerCase();
  t = t.replace(/^(begin|end) (group|repeat|loop)\b/, "$1_$2").replace(/^select (one|multiple)\b/, "select_$1");
  t = t.replace(/^select_one_or_specify_other\b/, "select_one").replace(/^select_multiple_or_specify_other\b/, "select_multiple");
  const [head, ...args] = t.split(" ");
  const rawArgs = raw.trim().split(/\s+/).slice(raw.trim().split(/\s+/).length - args.length);
  if (head === "begin_repeat") return { kind: "begin", unsupported: "repeats are not supported; ask a fixed number of questions instead" };
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
  if (args.length) return { kind: "error", message: `Cannot read type "${raw}": "${head}" takes nothing after it` };
  if (head === "begin_group") return { kind: "begin" };
  if (head === "calculate") return { kind: "calculate" };
  if (head === "hidden" || head === "preload") return { kind: "preload" };
  if (head === "acknowledge") return { kind: "question", type: "consent", acknowledge: true };
  // ODK's `email` is device metadata; with a label it is Panelwave's email question.
  if (head === "email" && !hasLabel) return { kind: "metadata" };
  if (SIMPLE[head]) return { kind: "question", type: SIMPLE[head] };
  if (METADATA.has(head)) return { kind: "metadata" };
  const near = closestName(head, KNOWN);
  return { kind: "error", message: `Unknown type "${raw.trim()}"${near ? `; did you mean "${near}"?` : ""}` };
}
