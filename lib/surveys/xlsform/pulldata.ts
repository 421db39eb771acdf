// Other platforms' preload idioms, read as Panelwave preload fields where they mean the same:
// ODK/Kobo `pulldata('earlier_wave', 'income', 'pid', ${pid})` and SurveyCTO case data
// `pulldata('cases', 'district', 'id', ${caseid})` read one column of the respondent's own row of
// an attached file. Panelwave's preload field `income` is exactly that value from the person's
// earlier waves, so such a call becomes `${income}`. A lookup by anything else (a fixed key, an
// answer) reads a table Panelwave does not keep: it is refused with how to write it instead.
import { NAME_PATTERN } from "../expr/ast";

/** A string literal in either quote style (curly ones are straightened before this runs). */
const STR = String.raw`\s*(?:'([^']*)'|"([^"]*)")\s*`;
const CALL = new RegExp(String.raw`pulldata\(${STR},${STR},${STR},\s*([^(),]*?)\s*\)`, "g");

export type PulldataResult =
  | { ok: true; source: string; fields: string[] }
  | { ok: false; message: string };

/**
 * Rewrites every pulldata() call of an expression whose key is the respondent (a `caseid` row,
 * or a hidden/preload field: `identity`) into `${name}`, the preload field `nameFor(field)` that reads
 * the earlier waves' `field`. `fields` lists the variables read. Returns null when the expression has
 * no pulldata(); an error naming what to write instead when a call cannot be mapped.
 */
export function mapPulldata(source: string, identity: ReadonlySet<string>, nameFor: (variable: string) => string = (v) => v): PulldataResult | null {
  if (!/\bpulldata\s*\(/.test(source)) return null;
  const fields: string[] = [];
  let problem: string | null = null;
  const out = source.replace(CALL, (call, f1?: string, f2?: string, c1?: string, c2?: string, k1?: string, k2?: string, key?: string) => {
    const file = f1 ?? f2 ?? "";
    const field = c1 ?? c2 ?? "";
    const keyCol = k1 ?? k2 ?? "";
    const ref = /^\$\{\s*([^}\s]+)\s*\}$/.exec(key ?? "");
    if (problem) return call;
    if (!ref || !identity.has(ref[1])) {
      problem = `${call.trim()} looks up ${key} in the attached file "${file}", which Panelwave does not read. `
        + `For the respondent's own answer from an earlier wave, add a row on the survey sheet with type "preload" and name "${field || "VARIABLE"}" (the earlier wave's variable) and write \${${field || "VARIABLE"}} here; `
        + `for a lookup table, put its rows on the choices sheet with the looked-up values in extra columns and pick them with choice_filter`;
      return call;
    }
    if (!NAME_PATTERN.test(field)) {
      problem = `${call.trim()} reads column "${field}" of "${file}" (keyed by ${keyCol}); a preload field needs a variable name (letters, digits, _ - .), so name the column as the earlier wave's variable`;
      return call;
    }
    fields.push(field);
    return `\${${nameFor(field)}}`;
  });
  if (problem) return { ok: false, message: problem };
  // A call the pattern could not read (a nested expression as the key, missing arguments).
  if (/\bpulldata\s*\(/.test(out)) {
    return { ok: false, message: `Cannot read this pulldata() call: Panelwave reads pulldata('file', 'column', 'key_column', \${id}) with the respondent's id (a caseid or preload row) as the key, as a preload field. Add a row on the survey sheet with type "preload" and the earlier wave's variable as its name, and write \${name} instead` };
  }
  return { ok: true, source: out, fields };
}

/** Survey rows whose value identifies the respondent: SurveyCTO's caseid, hidden and preload fields. */
export function isIdentityType(type: string): boolean {
  return /^\s*(caseid|hidden|preload)\s*$/i.test(type);
}
