// Keeps the local mailbox from becoming an archive of personal links: messages older than the
// retention period are deleted, and messages an earlier version stored in plain text are sealed.
// Run by the reconcile job; idempotent (deleting the old and sealing the unsealed twice changes
// nothing the second time), safe in several instances at once.
import type { Db } from "../../db/client";
import { deleteMailboxMessagesBefore, findUnsealedMailboxMessages, updateMailboxFields } from "../../db/queries/mailbox";
import { getMeta, setMeta } from "../../db/queries/meta";
import { SEALED_PATTERN_SQL, sealMailboxFields } from "./mailbox-seal";

const BATCH = 500;
/** Set once no plain-text message is left: the scan for them is not repeated every minute. */
const SEALED_KEY = "mailbox.sealed-v1";

export type TidyMailboxStats = { deleted: number; sealed: number };

export async function tidyMailbox(db: Db, key: Buffer, now: Date, retentionDays: number): Promise<TidyMailboxStats> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  let deleted = 0;
  for (;;) {
    const n = await deleteMailboxMessagesBefore(db, cutoff, BATCH);
    deleted += n;
    if (n < BATCH) break;
  }
  let sealed = 0;
  if (!(await getMeta(db, SEALED_KEY))) {
    for (;;) {
      const rows = await findUnsealedMailboxMessages(db, SEALED_PATTERN_SQL, BATCH);
      for (const r of rows) await updateMailboxFields(db, r.id, sealMailboxFields(key, r));
      sealed += rows.length;
      if (rows.length < BATCH) break;
    }
    await setMeta(db, SEALED_KEY, now.toISOString());
  }
  return { deleted, sealed };
}
