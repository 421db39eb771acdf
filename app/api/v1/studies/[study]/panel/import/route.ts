// POST /api/v1/studies/:study/panel/import – import participants, contacts and consents from CSV (dryRun=true to check only)
import { importPanelEndpoint } from "../../../../../../../lib/api/endpoints/panel";
import { apiRoute, ok } from "../../../../../../../lib/api/handler";
import { importPanel } from "../../../../../../../lib/panel/import-panel";

export const dynamic = "force-dynamic";

export const POST = apiRoute(importPanelEndpoint, async ({ rt, user, params, rawQuery, body, now }) => {
  const csv = body.kind === "file" ? body.bytes : new Uint8Array();
  const result = await importPanel(rt.db, rt.config.personalDataKey, user, params.study, csv, rawQuery, now);
  return ok(result, result.dryRun ? 200 : 201);
});
