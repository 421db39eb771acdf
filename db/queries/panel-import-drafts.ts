// Checked panel files waiting for confirmation (the browser import's preview).
import { and, eq, gt, lt } from "drizzle-orm";
import type { Db } from "../client";
import { panelImportDrafts } from "../schema";

export type PanelImportDraftRow = typeof panelImportDrafts.$inferSelect;

export async function insertPanelImportDraft(db: Db, row: typeof panelImportDrafts.$inferInsert): Promise<string> {
  const [r] = await db.insert(panelImportDrafts).values(row).returning({ id: panelImportDrafts.id });
  return r.id;
}

/** The user's unexpired draft of this study, or null. */
export async function findPanelImportDraft(db: Db, q: { id: string; studyId: string; userId: string; now: Date }): Promise<PanelImportDraftRow | null> {
  const [row] = await db
    .select()
    .from(panelImportDrafts)
    .where(and(eq(panelImportDrafts.id, q.id), eq(panelImportDrafts.studyId, q.studyId), eq(panelImportDrafts.userId, q.userId), gt(panelImportDrafts.expiresAt, q.now)))
    .limit(1);
  return row ?? null;
}

export async function updatePanelImportDraftPreview(db: Db, id: string, previewEncrypted: string): Promise<void> {
  await db.update(panelImportDrafts).set({ previewEncrypted }).where(eq(panelImportDrafts.id, id));
}

export async function deletePanelImportDraft(db: Db, id: string): Promise<void> {
  await db.delete(panelImportDrafts).where(eq(panelImportDrafts.id, id));
}

/** Deletes every expired draft (served by the expires_at index). */
export async function deleteExpiredPanelImportDrafts(db: Db, now: Date): Promise<number> {
  const rows = await db.delete(panelImportDrafts).where(lt(panelImportDrafts.expiresAt, now)).returning({ id: panelImportDrafts.id });
  return rows.length;
}
