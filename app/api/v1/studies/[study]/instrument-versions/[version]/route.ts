// GET /api/v1/studies/:study/instrument-versions/:version – one version with its definition
import { getInstrumentVersionEndpoint } from "../../../../../../../lib/api/endpoints/studies";
import { apiRoute, ok } from "../../../../../../../lib/api/handler";
import { getInstrumentVersion } from "../../../../../../../lib/instruments/get-instrument-version";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getInstrumentVersionEndpoint, async ({ rt, user, params }) => ok(await getInstrumentVersion(rt.db, user, params.study, params.version)));
