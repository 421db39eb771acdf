// GET /api/v1/studies – studies the token's user can see; POST – create a study
import { createStudyEndpoint, listStudiesEndpoint } from "../../../../lib/api/endpoints/studies";
import { apiRoute, ok } from "../../../../lib/api/handler";
import { createStudy } from "../../../../lib/studies/create-study";
import { listStudies } from "../../../../lib/studies/list-studies";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listStudiesEndpoint, async ({ rt, user }) => ok({ studies: await listStudies(rt.db, user) }));

export const POST = apiRoute(createStudyEndpoint, async ({ rt, user, body, now }) => {
  const study = await createStudy(rt.db, user, body, now);
  return ok(study, 201, { location: `/api/v1/studies/${study.slug}` });
});
