// What the study settings page shows: the study as edited, the variables of its newest
// questionnaire version and whether waves exist (the slug is then fixed).
import type { Db } from "../../db/client";
import { findStudyVersion, listStudyVersions } from "../../db/queries/instruments";
import { listWavesOfStudy } from "../../db/queries/studies";
import type { StaffUser } from "../auth/current-user";
import { studyForUser } from "../auth/permissions";
import { loadStoredDefinition } from "../surveys/load-stored-definition";
import { toStudyState } from "./study-row";
import { variableChoices, type VariableChoice } from "./study-variables";

export async function getStudyEditor(db: Db, user: StaffUser, slug: string) {
  const study = await studyForUser(db, user, slug);
  const versions = await listStudyVersions(db, study.id);
  const newest = versions.reduce<(typeof versions)[number] | null>((a, v) => (!a || v.createdAt > a.createdAt ? v : a), null);
  let variables: VariableChoice[] = [];
  let source: string | null = null;
  if (newest) {
    const row = await findStudyVersion(db, study.id, newest.id);
    if (row) {
      variables = variableChoices(loadStoredDefinition(row.id, row.definition), study.defaultLanguage);
      source = `${newest.instrument} v${newest.version}`;
    }
  }
  return { study, state: toStudyState(study), variables, source, hasWaves: (await listWavesOfStudy(db, study.id)).length > 0 };
}
