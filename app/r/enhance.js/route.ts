// GET /r/enhance.js – the respondent enhancement script, cached for a year (the URL carries its hash).
import { enhanceBundle } from "../../../lib/respondent/enhance-script";

export const dynamic = "force-dynamic";

export async function GET() {
  const bundle = enhanceBundle();
  if (!bundle) return new Response("not built", { status: 404 });
  return new Response(bundle.body, {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    },
  });
}
