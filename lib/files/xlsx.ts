// XLSX, streamed: each sheet's XML is generated row by row into a Readable that the zip archive
// (archiver) pulls from through ordinary stream piping, and the archive is read as the caller
// reads. Back-pressure is the streams' own: when the reader is slow, or deflate falls behind,
// the pipes stop pulling and no further row is read from the source.
import { Readable } from "node:stream";
import { type Cell, neutraliseText } from "./cells";

export type Sheet = { name: string; rows: AsyncIterable<readonly Cell[]> };

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const FLUSH_AT = 64 * 1024;

// XML 1.0 has no place for most control characters: they are dropped (tab, LF and CR stay). The
// REFI-QDA project writer (refi-qda.ts) escapes with it too.
const XML_SPECIAL = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
export const xmlText = (s: string) => s.replace(XML_SPECIAL, (c) => ESCAPES[c] ?? "");

/** 0 → A, 25 → Z, 26 → AA. */
function columnName(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * One row of a sheet. Text cells are neutralised like CSV cells (a leading apostrophe), so the
 * sheet stays inert even when saved again as CSV; no cell is ever written as a formula.
 */
function rowXml(r: number, row: readonly Cell[], columns: string[]): string {
  let xml = `<row r="${r}">`;
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (v === null || v === undefined || v === "") continue;
    while (columns.length <= i) columns.push(columnName(columns.length));
    const ref = `${columns[i]}${r}`;
    if (typeof v === "number") {
      if (Number.isFinite(v)) xml += `<c r="${ref}"><v>${v}</v></c>`;
    } else {
      xml += `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(neutraliseText(v))}</t></is></c>`;
    }
  }
  return `${xml}</row>`;
}

async function* sheetXml(rows: AsyncIterable<readonly Cell[]>): AsyncGenerator<Buffer> {
  let buf = `${HEAD}<worksheet xmlns="${MAIN}"><sheetData>`;
  const columns: string[] = [];
  let r = 0;
  for await (const row of rows) {
    buf += rowXml(++r, row, columns);
    if (buf.length >= FLUSH_AT) {
      yield Buffer.from(buf, "utf8");
      buf = "";
    }
  }
  yield Buffer.from(`${buf}</sheetData></worksheet>`, "utf8");
}

function packageParts(names: string[]): { name: string; xml: string }[] {
  const sheets = names.map((n, i) => ({ id: i + 1, name: xmlText(n.slice(0, 31)) }));
  return [
    {
      name: "[Content_Types].xml",
      xml: `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
        + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        + sheets.map((s) => `<Override PartName="/xl/worksheets/sheet${s.id}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")
        + "</Types>",
    },
    {
      name: "_rels/.rels",
      xml: `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      xml: `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>`
        + sheets.map((s) => `<sheet name="${s.name}" sheetId="${s.id}" r:id="rId${s.id}"/>`).join("")
        + "</sheets></workbook>",
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      xml: `${HEAD}<Relationships xmlns="${PKG_REL}">`
        + sheets.map((s) => `<Relationship Id="rId${s.id}" Type="${REL}/worksheet" Target="worksheets/sheet${s.id}.xml"/>`).join("")
        + "</Relationships>",
    },
  ];
}

/**
 * Writes the sheets in order into one workbook and yields the file's bytes as they are zipped.
 * Rows are read from each sheet's source only as fast as the caller reads the file (memory stays
 * bounded however many rows come). Deflate runs at level 1: several times faster than the
 * default for a few percent more bytes.
 */
export async function* xlsxChunks(sheets: Sheet[]): AsyncGenerator<Uint8Array> {
  // Loaded on first use: CSV exports should not carry the zip stack in memory.
  const { default: archiver } = await import("archiver");
  const zip = archiver("zip", { zlib: { level: 1 } });
  for (const part of packageParts(sheets.map((s) => s.name))) zip.append(part.xml, { name: part.name });
  // archiver reads its entries one after another, so each sheet's rows are read only in its turn.
  const sources = sheets.map((s) => Readable.from(sheetXml(s.rows)));
  sources.forEach((source, i) => zip.append(source, { name: `xl/worksheets/sheet${i + 1}.xml` }));
  const done = zip.finalize();
  done.catch(() => {}); // the error reaches the reader through the stream below
  try {
    for await (const chunk of zip) yield chunk as Uint8Array;
    await done;
  } finally {
    // An abandoned download stops reading rows (destroying a source returns its generator).
    for (const source of sources) if (!source.destroyed) source.destroy();
    if (!zip.destroyed) zip.destroy();
  }
}
