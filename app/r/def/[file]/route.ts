// GET /r/def/:versionId.json – a wave's compiled questionnaire for the enhancement script, cached
// for a year (a version is immutable once a wave uses it); 404 for drafts and anything else.
import { definitionFile } from "../../../../lib/respondent/definition-file";
import { getRuntime } from "../../../../lib/runtime";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ file: string }> };

export async function GET(_req: Request, { params }: Ctx) {
  const { db } = await getRuntime();
  const body = await definitionFile(db, (await params).file);
  if (body === null) {
    return new Response("not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" } });
  }
  return new Response(body, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    },
  });
}
