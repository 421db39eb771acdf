// Shared by the instrument screens: parsing the path (404 when malformed) and their URLs.
import { notFound } from "next/navigation";
import { z } from "zod";
import { slugSchema } from "../../../../../lib/studies/study-schema";
import { formatDate } from "../../../../../lib/i18n/format-date";

export const versionIdSchema = z.uuid();

export const instrumentsPath = (slug: string) => `/studies/${slug}/instruments`;
export const versionPath = (slug: string, versionId: string) => `${instrumentsPath(slug)}/${versionId}`;
export const framePath = (slug: string, versionId: string, page: string, lang: string) =>
  `${versionPath(slug, versionId)}/frame?${new URLSearchParams({ page, lang })}`;

/** The study slug (and version id) of a page's path; 404 when malformed. */
export async function pathParams<T extends { slug: string; version?: string }>(params: Promise<T>): Promise<{ slug: string; version: string }> {
  const p = await params;
  const slug = slugSchema.safeParse(p.slug);
  const version = p.version === undefined ? { success: true as const, data: "" } : versionIdSchema.safeParse(p.version);
  if (!slug.success || !version.success) notFound();
  return { slug: slug.data, version: version.data };
}

export const fmtDate = (d: Date | null) => (d ? `${formatDate(d, "minute", { timeZone: "UTC" })} UTC` : "–");

/** One query parameter as a string (the first when repeated). */
export const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
