// Slugs: the study and wave names that paths, forms and the API carry. Shared (lib/studies owns
// studies, but the audit log and others parse a study slug from a query without depending on it).
import { z } from "zod";

/** Lower-case letters, digits and dashes, 1–64. Every route, API schema and lookup parses slugs with this one schema. */
export const SLUG_PATTERN = /^[a-z0-9-]{1,64}$/;
export const slugSchema = z.string().regex(SLUG_PATTERN);
