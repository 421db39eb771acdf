// GET /r/zone.js – the booking page's time-zone detection script, cached for a year (the URL carries its hash).
import { ZONE_SCRIPT } from "../../../lib/respondent/zone-script";

export const dynamic = "force-dynamic";

export async function GET() {
  return new Response(ZONE_SCRIPT, {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    },
  });
}
