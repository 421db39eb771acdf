import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Where scripts/build-enhance.mjs writes the respondent enhancement bundle. */
export const ENHANCE_BUNDLE = join(process.cwd(), ".enhance", "enhance.js");

let cached: { body: string; hash: string } | null | undefined;

/** The bundle and its content hash, read once per process; null when it was not built. */
export function enhanceBundle(): { body: string; hash: string } | null {
  if (cached === undefined) {
    cached = existsSync(ENHANCE_BUNDLE)
      ? (() => {
          const body = readFileSync(ENHANCE_BUNDLE, "utf8");
          return { body, hash: createHash("sha256").update(body).digest("hex").slice(0, 12) };
        })()
      : null;
  }
  return cached;
}

/** The versioned URL of the enhancement script (cached for a year), or undefined without a bundle. */
export function enhanceScriptUrl(): string | undefined {
  const b = enhanceBundle();
  return b ? `/r/enhance.js?v=${b.hash}` : undefined;
}
