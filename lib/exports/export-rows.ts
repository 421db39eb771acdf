// The rows of a response export, read in keyset batches of participants with the next batch
// read while this one is written; shared by the staff download and the API.
import type { Db } from "../../db/client";
import { exportBatch, type ExportFilter } from "../../db/queries/exports";
import { decryptPersonal } from "../crypto/personal-data";
import type { Cell } from "../files/cells";
import type { Layout } from "./export-layout";

const BATCH = 500;

/**
 * Yields `layout.rows` for every participant the filter selects, in participant order. With
 * `identifiers`, each participant's email is decrypted for the email column (empty when it
 * cannot be, or for a withdrawn participant, whose email the query does not return).
 */
export async function* exportRows(
  db: Db,
  key: Buffer,
  filter: ExportFilter,
  layout: Layout,
  opts: { identifiers: boolean; shape: "wide" | "long" },
): AsyncGenerator<Cell[]> {
  const fetch = (afterId: string | null) => {
    const p = exportBatch(db, filter, { afterId, limit: BATCH, identifiers: opts.identifiers, shape: opts.shape });
    p.catch(() => {}); // a download abandoned mid-way must not leave an unhandled rejection
    return p;
  };
  let next = fetch(null);
  for (;;) {
    const batch = await next;
    // The database reads the next batch while this one is formatted.
    if (!batch.done && batch.cursor) next = fetch(batch.cursor);
    for (const p of batch.participants) {
      let email: string | null = null;
      if (opts.identifiers && p.emailEncrypted) {
        try {
          email = decryptPersonal(key, p.emailEncrypted);
        } catch {
          email = null;
        }
      }
      for (const row of layout.rows(p, email)) yield row;
    }
    if (batch.done || !batch.cursor) return;
  }
}
