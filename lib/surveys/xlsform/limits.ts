// How much of an .xlsx file the XLSForm reader will unpack and read. An .xlsx is a zip of XML
// parts, so a few hundred kilobytes can unpack to gigabytes (a "zip bomb") or hold a million
// rows. The zip's directory is checked against these limits before anything is unpacked, each
// part is unpacked as a stream that stops at its declared size, and sheets are read row by row
// until a limit is reached. Real XLSForms stay far below every limit: a large one (a few
// thousand rows, ten languages) has three sheets, about twenty parts and unpacks to a few MB.
// docs/survey-engine.md lists them for researchers.

export const XLSX_LIMITS = {
  /** Parts (files) inside the zip; a workbook from Excel or LibreOffice has 10–40. */
  entries: 1_000,
  /** Worksheets; an XLSForm needs survey, choices and settings. */
  sheets: 100,
  /** Unpacked size of all parts together. */
  unpackedBytes: 50 * 1024 * 1024,
  /** A part larger than `ratioFloorBytes` may unpack to at most this many times its packed size. */
  compressionRatio: 100,
  ratioFloorBytes: 1024 * 1024,
  /** Rows holding data in one sheet. */
  rowsPerSheet: 20_000,
  /** Non-empty cells in all sheets together (a 3,000-row form in ten languages fills about 100,000). */
  cells: 200_000,
  /** Characters in one cell: Excel's own limit. */
  cellChars: 32_767,
} as const;

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** 20000 → "20,000": limits and counts in messages. */
export const formatCount = (n: number): string => n.toLocaleString("en-US");
