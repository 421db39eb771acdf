// The zip layer of an .xlsx: its central directory, checked against XLSX_LIMITS before anything
// is unpacked, and each part unpacked as a stream that can never yield more than the directory
// declared for it. So a zip bomb is refused from its directory in microseconds, and one whose
// directory lies is cut off at the first chunk past the lie.
import { createInflateRaw } from "node:zlib";
import { XLSX_LIMITS, formatBytes, formatCount } from "./limits";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** A file the reader refuses, with a message for the researcher who uploaded it. */
export class XlsxRefused extends Error {
  constructor(
    message: string,
    readonly where: { sheet?: string; row?: number; column?: string; columnLetter?: string } = {},
  ) {
    super(message);
    this.name = "XlsxRefused";
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const damaged = (what: string) => new XlsxRefused(`Could not read the spreadsheet: the file is damaged (${what})`);

function findEndOfDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  throw damaged("no zip directory");
}

/**
 * The zip's directory, checked against the limits: number of parts, number of worksheets, total
 * unpacked size and each large part's compression ratio. Reads only the directory.
 */
export function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff || size === 0xffffffff) {
    throw new XlsxRefused("Could not read the spreadsheet: it is a ZIP64 archive, which only files far larger than any questionnaire need");
  }
  if (count > XLSX_LIMITS.entries) {
    throw new XlsxRefused(`The .xlsx holds ${formatCount(count)} parts; the limit is ${formatCount(XLSX_LIMITS.entries)} (a workbook saved by Excel has a few dozen)`);
  }
  if (offset + size > end) throw damaged("the directory is outside the file");
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder();
  let unpacked = 0;
  let sheets = 0;
  for (let i = 0, at = offset; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL) throw damaged("a directory record is broken");
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)).replace(/^\/+/, ""),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (flags & 1) throw new XlsxRefused("The spreadsheet is password-protected; save it without a password and upload that");
    if (entry.name.endsWith("/")) continue;
    unpacked += entry.uncompressedSize;
    if (/(^|\/)worksheets\/[^/]+\.xml$/i.test(entry.name)) sheets++;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > XLSX_LIMITS.ratioFloorBytes && ratio > XLSX_LIMITS.compressionRatio) {
      throw new XlsxRefused(
        `The part "${entry.name}" unpacks to ${formatBytes(entry.uncompressedSize)}, ${formatCount(Math.round(ratio))} times its packed size; ` +
          `the limit is ${XLSX_LIMITS.compressionRatio} times. This looks like a zip bomb, not a questionnaire`,
      );
    }
    entries.set(entry.name.toLowerCase(), entry);
  }
  if (sheets > XLSX_LIMITS.sheets) {
    throw new XlsxRefused(`The workbook has ${formatCount(sheets)} sheets; the limit is ${XLSX_LIMITS.sheets} (an XLSForm needs survey, choices and settings)`);
  }
  if (unpacked > XLSX_LIMITS.unpackedBytes) {
    throw new XlsxRefused(`The spreadsheet unpacks to ${formatBytes(unpacked)}; the limit is ${formatBytes(XLSX_LIMITS.unpackedBytes)} (a large XLSForm unpacks to a few MB)`);
  }
  return entries;
}

/** Counts what the unpacking produced, so tests can see that a reader stopped. */
export interface ReadStats {
  bytesUnpacked: number;
  rowsRead: number;
}

const CHUNK = 64 * 1024;

/**
 * The unpacked bytes of one part, chunk by chunk. Stops with XlsxRefused as soon as the part
 * yields more than its directory record declared, so the unpacked total never exceeds the total
 * the directory was checked for. Breaking out of the loop stops the unpacking.
 */
export async function* unpackEntry(bytes: Uint8Array, entry: ZipEntry, stats: ReadStats): AsyncGenerator<Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL) throw damaged(`the part "${entry.name}" is missing`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.byteLength) throw damaged(`the part "${entry.name}" is cut short`);
  const packed = bytes.subarray(start, start + entry.compressedSize);
  let produced = 0;
  const count = (chunk: Uint8Array) => {
    produced += chunk.byteLength;
    stats.bytesUnpacked += chunk.byteLength;
    if (produced > entry.uncompressedSize) {
      throw new XlsxRefused(`The part "${entry.name}" unpacks to more than the ${formatBytes(entry.uncompressedSize)} its zip directory declares; the file is damaged or crafted`);
    }
  };
  if (entry.method === 0) {
    for (let i = 0; i < packed.byteLength; i += CHUNK) {
      const chunk = packed.subarray(i, i + CHUNK);
      count(chunk);
      yield chunk;
    }
    return;
  }
  if (entry.method !== 8) throw new XlsxRefused(`Could not read the spreadsheet: the part "${entry.name}" uses an unknown compression method (${entry.method})`);
  const inflate = createInflateRaw({ chunkSize: CHUNK });
  inflate.end(packed);
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      count(chunk);
      yield chunk;
    }
  } catch (e) {
    if (e instanceof XlsxRefused) throw e;
    throw damaged(`the part "${entry.name}" cannot be unpacked: ${(e as Error).message}`);
  } finally {
    inflate.destroy();
  }
}
