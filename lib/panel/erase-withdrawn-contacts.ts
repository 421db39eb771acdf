// Erases the contact details of withdrawn participants once no mail to them is waiting or in
// flight. Run by the reconcile job; idempotent.
import type { Db } from "../../db/client";
import { eraseContact, findWithdrawnContactsToErase } from "../../db/queries/participants";

export async function eraseWithdrawnContacts(db: Db, batchSize = 500): Promise<number> {
  let erased = 0;
  for (;;) {
    const ids = await findWithdrawnContactsToErase(db, batchSize);
    for (const id of ids) if (await eraseContact(db, id)) erased++;
    if (ids.length < batchSize) return erased;
  }
}
