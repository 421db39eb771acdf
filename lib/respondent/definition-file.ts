// The compiled questionnaire the enhancement script fetches (GET /r/def/<versionId>.json): one
// file per instrument version a wave uses, so the browser's cache serves it after the first page
// instead of every page inlining it.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Db } from "../../db/client";
import { findWaveUsedDefinition } from "../../db/queries/instruments";
import type { SurveyDefinition } from "../surveys/definition";
import { cachedDefinition, loadStoredDefinition } from "../surveys/load-stored-definition";

// Versions this process knows a wave uses (a respondent page was drawn from it, or the database
// said so). The parsed-definition cache alone is not enough: staff pages parse drafts into it too.
const waveUsed = new Set<string>();
const files = new WeakMap<SurveyDefinition, { body: string; hash: string }>();

function fileOf(def: SurveyDefinition): { body: string; hash: string } {
  let f = files.get(def);
  if (!f) {
    const body = JSON.stringify(def);
    f = { body, hash: createHash("sha256").update(body).digest("hex").slice(0, 12) };
    files.set(def, f);
  }
  return f;
}

/**
 * The URL of a wave-used version's definition file. Call it only for a version a respondent link
 * stands on (a wave uses it). The query carries the content's hash: a deploy that changes how a
 * definition compiles changes the URL, so a year-cached file never meets a newer script.
 */
export function waveDefinitionUrl(versionId: string, def: SurveyDefinition): string {
  waveUsed.add(versionId);
  return `/r/def/${versionId}.json?v=${fileOf(def).hash}`;
}

const fileName = z.string().regex(/^[0-9a-fA-F-]{36}\.json$/).transform((s) => s.slice(0, 36).toLowerCase()).pipe(z.guid());

/**
 * The body of `<versionId>.json` (compact JSON), or null when the name is malformed or no wave
 * uses that version (drafts stay private). Answers from the parsed-definition cache when this
 * process already knows the version is wave-used; reads the database only otherwise. Read-only.
 */
export async function definitionFile(db: Db, name: string): Promise<string | null> {
  const id = fileName.safeParse(name);
  if (!id.success) return null;
  const known = waveUsed.has(id.data) ? cachedDefinition(id.data) : undefined;
  if (known) return fileOf(known).body;
  const json = await findWaveUsedDefinition(db, id.data);
  if (json === null || json === undefined) return null;
  waveUsed.add(id.data);
  return fileOf(loadStoredDefinition(id.data, json)).body;
}
