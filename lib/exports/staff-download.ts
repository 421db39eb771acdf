// The shared body of every download route: find the signed-in user, run one export, answer with
// the file or with application/problem+json (401 without a session, 403/404/422 as thrown).
import type { StaffUser } from "../auth/current-user";
import { currentUser } from "../auth/current-user";
import { Unauthorized } from "../errors/app-error";
import { getRuntime, type Runtime } from "../runtime";
import { problemResponse } from "../errors/problem";
import { downloadResponse, type Download } from "../files/download";
import { SLUG_PATTERN } from "../studies/study-schema";

export async function staffDownload(req: Request, run: (rt: Runtime, user: StaffUser, query: Record<string, string>) => Promise<Download>): Promise<Response> {
  try {
    const rt = await getRuntime();
    const user = await currentUser(rt, req.headers);
    if (!user) throw new Unauthorized();
    const query = queryOf(new URL(req.url).searchParams);
    return downloadResponse(await run(rt, user, query));
  } catch (e) {
    return problemResponse(e);
  }
}

/**
 * The query as one string per key. A key given more than once (the export form's wave check
 * boxes, sent as a plain GET without scripts: waves=a&waves=b) becomes its values joined by commas,
 * the form the options take (waves=a,b).
 */
export function queryOf(params: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of new Set(params.keys())) query[key] = params.getAll(key).join(",");
  return query;
}

/** A study slug from the path, or null (the route answers 404). */
export function slugParam(raw: string): string | null {
  return SLUG_PATTERN.test(raw) ? raw : null;
}
