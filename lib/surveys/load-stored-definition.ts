import { type SurveyDefinition, storedDefinitionSchema } from "./definition";

const cache = new Map<string, SurveyDefinition>();

/**
 * Parses a definition read back from the database (zod at the boundary), once per instrument
 * version: versions are immutable once used, so the cache never goes stale.
 */
export function loadStoredDefinition(versionId: string, json: unknown): SurveyDefinition {
  let def = cache.get(versionId);
  if (!def) {
    def = storedDefinitionSchema.parse(json);
    cache.set(versionId, def);
  }
  return def;
}

/** The parsed definition of a version when this process has parsed it already, else undefined. */
export function cachedDefinition(versionId: string): SurveyDefinition | undefined {
  return cache.get(versionId);
}
