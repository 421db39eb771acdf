import type { Db } from "../../db/client";
import type { StaffUser } from "../auth/current-user";
import { openPreview } from "./open-preview";
import { pageConditions } from "./page-conditions";

/**
 * The preview screen of a version: page and language selectors, and the conditions of the
 * page shown (the frame itself shows every question regardless of them). Researchers of the
 * study and admins.
 */
export async function getPreviewPage(db: Db, user: StaffUser, slug: string, versionId: string, req: { page?: string | null; lang?: string | null }) {
  const { definition, ...p } = await openPreview(db, user, slug, versionId, req);
  const index = p.pages.indexOf(p.page);
  return {
    ...p,
    title: definition.title[definition.defaultLanguage] ?? "",
    conditions: pageConditions(definition, p.page.id),
    previous: p.pages[index - 1] ?? null,
    next: p.pages[index + 1] ?? null,
  };
}
