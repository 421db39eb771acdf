// GET /api/v1/studies/:study/instruments – instruments and versions; POST – upload an XLSForm or JSON version
import { listInstrumentsEndpoint, uploadInstrumentEndpoint } from "../../../../../../lib/api/endpoints/studies";
import { apiRoute, ok } from "../../../../../../lib/api/handler";
import { listInstruments } from "../../../../../../lib/instruments/list-instruments";
import { uploadInstrument } from "../../../../../../lib/instruments/upload-instrument";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listInstrumentsEndpoint, async ({ rt, user, params }) => ok({ instruments: await listInstruments(rt.db, user, params.study) }));

export const POST = apiRoute(uploadInstrumentEndpoint, async ({ rt, user, params, query, body, now }) => {
  const source = body.kind === "json" ? { kind: "json" as const, data: body.data, filename: null } : { kind: "xlsform" as const, bytes: body.bytes, filename: body.filename };
  const { definition: _definition, ...result } = await uploadInstrument(rt.db, user, params.study, { name: query.name, source, dryRun: query.dryRun }, now);
  return ok(result, result.outcome === "created" ? 201 : 200);
});
