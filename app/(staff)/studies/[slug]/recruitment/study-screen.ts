// Shared by the study sub-screens (panel, recruitment, reports, exports): the slug from the
// path, the signed-in user, and lib errors mapped to Next's not-found.
import { notFound } from "next/navigation";
import type { StaffUser } from "../../../../../lib/auth/current-user";
import type { Runtime } from "../../../../../lib/runtime";
import { staffPage } from "../../../staff-page";
import { slugSchema } from "../../../../../lib/studies/study-schema";

export async function studyScreen(params: Promise<{ slug: string }>, section: string): Promise<{ rt: Runtime; user: StaffUser; slug: string }> {
  const slug = slugSchema.safeParse((await params).slug);
  if (!slug.success) notFound();
  const { rt, user } = await staffPage(undefined, `/studies/${slug.data}/${section}`);
  return { rt, user, slug: slug.data };
}

export { orNotFound } from "../../../staff-page";

export const pct = (x: number | null) => (x === null ? "–" : `${(x * 100).toFixed(1)}%`);
