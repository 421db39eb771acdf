// GET /api/v1/audit – the audit log with the audit page's filters (admins only); the filters are
// checked again by the audit page's own schema, which also knows a study slug and a real date.
import { auditLogEndpoint } from "../../../../lib/api/endpoints/users";
import { apiRoute, ok } from "../../../../lib/api/handler";
import { auditQuerySchema, listAuditLog } from "../../../../lib/audit/list-audit-log";
import { InvalidInput } from "../../../../lib/errors/app-error";
import { fieldIssues } from "../../../../lib/errors/zod-issues";

export const dynamic = "force-dynamic";

export const GET = apiRoute(auditLogEndpoint, async ({ rt, user, query }) => {
  const q = auditQuerySchema.safeParse(query);
  if (!q.success) throw new InvalidInput("Check the query parameters", fieldIssues(q.error));
  const { rows, nextBefore } = await listAuditLog(rt.db, user, q.data);
  return ok({
    entries: rows.map((r) => ({
      id: r.id, at: r.at.toISOString(), userId: r.userId, userEmail: r.userEmail, study: r.studySlug,
      action: r.action, target: r.target, rowCount: r.rowCount, details: r.details,
    })),
    nextBefore,
  });
});
