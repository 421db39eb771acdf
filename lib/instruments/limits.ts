// How large an uploaded questionnaire may be. A real XLSForm is tens of kilobytes; the limit
// keeps a mistaken upload (a data export, a video) from being read into memory. What an .xlsx
// may unpack to is limited by the XLSForm reader itself (XLSX_LIMITS).
import { formatBytes } from "../surveys/xlsform/limits";

export const MAX_INSTRUMENT_BYTES = 5 * 1024 * 1024;

/** Room for the multipart framing and the other form fields around the file. */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_INSTRUMENT_BYTES + 64 * 1024;

export const formatSize = formatBytes;

export function tooLargeMessage(bytes?: number): string {
  const size = bytes === undefined ? "" : ` (${formatSize(bytes)})`;
  return `The file is too large${size}: a questionnaire may be at most ${formatSize(MAX_INSTRUMENT_BYTES)}. Check that you chose the XLSForm or JSON file, not a data export.`;
}
