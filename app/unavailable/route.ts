// GET /unavailable?next=/studies/… – where a staff page sends the browser while the database
// cannot be reached: 503 with Retry-After, and a link back to the page that was asked for.
import { isLocalPath } from "../../lib/auth/local-path";
import { unavailableResponse } from "../../lib/respondent/unavailable";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  const next = new URL(req.url).searchParams.get("next");
  return unavailableResponse("en", { method: "get", url: next && isLocalPath(next) ? next : "/studies", fields: [] });
}
