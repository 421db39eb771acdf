// The small parts of an .xlsx that say where the sheets are and how to read their cells: the
// package and workbook relationships, the workbook (sheet names and order), the styles (which
// cells hold dates) and the shared strings. Each is read as a stream with its own limit.
import { XLSX_LIMITS, formatCount } from "./limits";
import { readXml } from "./xml-stream";
import { type ReadStats, type ZipEntry, XlsxRefused, unpackEntry } from "./zip";

export interface XlsxPackage {
  bytes: Uint8Array;
  /** By lower-case part name. */
  entries: Map<string, ZipEntry>;
  stats: ReadStats;
}

export function findPart(pkg: XlsxPackage, name: string): ZipEntry | undefined {
  return pkg.entries.get(name.toLowerCase());
}

export function readPart(pkg: XlsxPackage, entry: ZipEntry, h: Parameters<typeof readXml>[2]): Promise<void> {
  return readXml(entry.name, unpackEntry(pkg.bytes, entry, pkg.stats), h);
}

type Relationship = { type: string; target: string };

/** Resolves a relationship target against the folder of the part that declares it. */
function resolveTarget(from: string, target: string): string {
  const parts = target.startsWith("/") ? [] : from.split("/").slice(0, -1);
  for (const seg of target.replace(/^\/+/, "").split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** The relationships of `source` (its `_rels/*.rels` part), by id. */
async function readRelationships(pkg: XlsxPackage, source: string): Promise<Map<string, Relationship>> {
  const slash = source.lastIndexOf("/");
  const relsName = `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
  const entry = findPart(pkg, relsName);
  const out = new Map<string, Relationship>();
  if (!entry) return out;
  await readPart(pkg, entry, {
    open(name, a) {
      if (name !== "Relationship" || !a.Id || !a.Target || a.TargetMode === "External") return;
      if (out.size >= XLSX_LIMITS.entries) throw new XlsxRefused(`Could not read the spreadsheet: "${entry.name}" lists more than ${formatCount(XLSX_LIMITS.entries)} relationships`);
      out.set(a.Id, { type: a.Type ?? "", target: resolveTarget(source || "x", a.Target) });
    },
    close() {},
  });
  return out;
}

const byType = (rels: Map<string, Relationship>, suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;

export interface WorkbookInfo {
  /** Worksheets in the order the workbook lists them, with the part that holds each. */
  sheets: { name: string; part: string }[];
  date1904: boolean;
  sharedStrings?: string;
  styles?: string;
}

/** Sheet names, their parts and the workbook's date system. */
export async function readWorkbookInfo(pkg: XlsxPackage): Promise<WorkbookInfo> {
  const root = await readRelationships(pkg, "");
  const workbookPart = byType(root, "/officeDocument") ?? "xl/workbook.xml";
  const workbook = findPart(pkg, workbookPart);
  if (!workbook) throw new XlsxRefused("Could not read the spreadsheet: it has no workbook part (is it an .xlsx saved by a spreadsheet program?)");
  const rels = await readRelationships(pkg, workbook.name);
  const listed: { name: string; id: string }[] = [];
  let date1904 = false;
  await readPart(pkg, workbook, {
    open(name, a) {
      if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
      if (name !== "sheet") return;
      if (listed.length >= XLSX_LIMITS.sheets) {
        throw new XlsxRefused(`The workbook has more than ${XLSX_LIMITS.sheets} sheets; the limit is ${XLSX_LIMITS.sheets} (an XLSForm needs survey, choices and settings)`);
      }
      const id = Object.entries(a).find(([k]) => k === "id" || k.endsWith(":id"))?.[1] ?? "";
      listed.push({ name: a.name ?? "", id });
    },
    close() {},
  });
  const sheets = listed.flatMap((s) => {
    const rel = rels.get(s.id);
    return rel && rel.type.endsWith("/worksheet") ? [{ name: s.name, part: rel.target }] : [];
  });
  return { sheets, date1904, sharedStrings: byType(rels, "/sharedStrings"), styles: byType(rels, "/styles") };
}

// Built-in number formats that show a date or time (ECMA-376 §18.8.30), as exceljs reads them.
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** A custom number format shows a date when it has date or time letters outside quotes and brackets. */
const isDateFormat = (code: string) => /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));

/** The cell style indexes whose numbers are dates. */
export async function readDateStyles(pkg: XlsxPackage, part: string | undefined): Promise<Set<number>> {
  const entry = part ? findPart(pkg, part) : undefined;
  const dates = new Set<number>();
  if (!entry) return dates;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let index = 0;
  await readPart(pkg, entry, {
    open(name, a) {
      if (name === "numFmt") custom.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        if (custom.has(id) ? isDateFormat(custom.get(id)!) : DATE_FORMAT_IDS.has(id)) dates.add(index);
        index++;
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
    done: () => index > 0 && !inCellXfs,
  });
  return dates;
}

/**
 * Text as the file format escapes it (ST_Xstring): a character XML cannot carry is written
 * `_xHHHH_`, and a literal `_xHHHH_` as `_x005F_xHHHH_`. Decoded as Excel and exceljs do.
 */
export function decodeXstring(s: string): string {
  return s.includes("_x") ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : s;
}

/** The shared strings, rich text joined and phonetic guides left out. */
export async function readSharedStrings(pkg: XlsxPackage, part: string | undefined): Promise<string[]> {
  const entry = part ? findPart(pkg, part) : undefined;
  const strings: string[] = [];
  if (!entry) return strings;
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  await readPart(pkg, entry, {
    open(name) {
      if (name === "si") {
        if (strings.length >= XLSX_LIMITS.cells) {
          throw new XlsxRefused(`The workbook holds more than ${formatCount(XLSX_LIMITS.cells)} different texts; the limit is ${formatCount(XLSX_LIMITS.cells)} filled cells`);
        }
        current = [];
      } else if (name === "rPh") phonetic++;
      else if (name === "t" && current && !phonetic) inText = true;
    },
    close(name) {
      if (name === "si" && current) {
        strings.push(decodeXstring(current.join("")));
        current = null;
      } else if (name === "rPh") phonetic--;
      else if (name === "t") inText = false;
    },
    text(t) {
      if (inText && current) current.push(t);
    },
  });
  return strings;
}
