// Rows as one JSON document, streamed: `{meta…, "columns": […], "rows": [{column: value, …}, …]}`.
import type { Cell } from "./cells";

const jsonValue = (v: Cell): string =>
  v === null || v === undefined ? "null" : typeof v === "number" ? (Number.isFinite(v) ? String(v) : "null") : JSON.stringify(v);

const FLUSH_AT = 256 * 1024;

/**
 * Writes the document row by row (column keys escaped once) in chunks of about 256 KB. The head
 * goes at once, so a client sees the columns before the first row is read.
 */
export async function* jsonRowsChunks(meta: Record<string, unknown>, header: string[], rows: AsyncIterable<readonly Cell[]>): AsyncGenerator<Uint8Array> {
  const head = JSON.stringify({ ...meta, columns: header });
  yield Buffer.from(`${head.slice(0, -1)},"rows":[`, "utf8");
  const keys = header.map((h, i) => `${i ? "," : "{"}${JSON.stringify(h)}:`);
  let buf = "";
  let first = true;
  for await (const row of rows) {
    let line = first ? "" : ",";
    for (let i = 0; i < keys.length; i++) line += keys[i] + jsonValue(row[i]);
    buf += keys.length ? `${line}}` : `${line}{}`;
    first = false;
    if (buf.length >= FLUSH_AT) {
      yield Buffer.from(buf, "utf8");
      buf = "";
    }
  }
  yield Buffer.from(`${buf}]}\n`, "utf8");
}
