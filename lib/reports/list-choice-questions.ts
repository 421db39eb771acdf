// The waves of a study and their choice questions, for the report pickers.
import type { Db } from "../../db/client";
import { studyForUser } from "../auth/permissions";
import type { StaffUser } from "../auth/current-user";
import { loadWaves } from "../studies/load-waves";
import { getPlan } from "../surveys/plan";
import { textIn } from "../surveys/texts";

export async function listChoiceQuestions(db: Db, user: StaffUser, slug: string, lang = "en") {
  const study = await studyForUser(db, user, slug);
  const waves = await loadWaves(db, study.id);
  return {
    study: { slug: study.slug, name: study.name, statusVariable: study.statusVariable, languages: study.languages, defaultLanguage: study.defaultLanguage },
    waves: waves.map((w) => ({
      slug: w.slug,
      name: w.name,
      questions: getPlan(w.def)
        .questions.filter((qp) => qp.q.type === "single" || qp.q.type === "multiple")
        .map((qp) => ({
          name: qp.q.name, type: qp.q.type as "single" | "multiple", label: textIn(qp.q.label, lang, w.def.defaultLanguage), hasOther: !!qp.otherVariable,
        })),
      /** The wave's repeats: each exports to a long table of its own. */
      repeats: w.def.pages.flatMap((p) => (p.repeat ? [p.repeat.name] : [])),
    })),
  };
}
