// GET /studies/:slug/exports – download responses (wide or long, CSV or XLSX), the codebook and SPSS / Stata / R files
import Link from "next/link";
import { listChoiceQuestions } from "../../../../../lib/reports/list-choice-questions";
import { orNotFound, studyScreen } from "../recruitment/study-screen";
import { ExportForm } from "./export-form";

export const dynamic = "force-dynamic";

export default async function ExportsPage(props: { params: Promise<{ slug: string }> }) {
  const { rt, user, slug } = await studyScreen(props.params, "exports");
  const s = await orNotFound(listChoiceQuestions(rt.db, user, slug));
  return (
    <>
      <p><Link href={`/studies/${slug}`}>← {s.study.name}</Link></p>
      <h1>Exports</h1>
      <p className="muted">
        Exports are pseudonymous unless you choose the de-identified profile: participants appear by their code. Multiple choice questions become one 0/1 column per option
        plus the “other” text; text that starts with = + - @ gets a leading apostrophe so spreadsheets never run it.
        Every export is recorded in the audit log.
      </p>
      <ExportForm slug={slug} waves={s.waves.map((w) => ({ slug: w.slug, name: w.name }))} isAdmin={user.role === "admin"} repeats={[...new Set(s.waves.flatMap((w) => w.repeats))]}
        languages={s.study.languages} defaultLanguage={s.study.defaultLanguage} />
    </>
  );
}
