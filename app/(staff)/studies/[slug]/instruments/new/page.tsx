// GET /studies/:slug/instruments/new – upload an XLSForm or JSON file as a new version of an instrument.
import { cookies } from "next/headers";
import Link from "next/link";
import { getInstrumentsPage } from "../../../../../../lib/instruments/get-instruments-page";
import { MAX_INSTRUMENT_BYTES } from "../../../../../../lib/instruments/limits";
import { orNotFound, staffPage } from "../../../../staff-page";
import { instrumentsPath, one, pathParams } from "../params";
import { UploadForm } from "./upload-form";
import { readUploadResult, UPLOAD_RESULT_COOKIE } from "../upload-result";
import "../instruments.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Upload a questionnaire – Panelwave" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewVersionPage({ params, searchParams }: Props) {
  const { slug } = await pathParams(params);
  const { rt, user } = await staffPage(undefined, `${instrumentsPath(slug)}/new`);
  const { study, instruments } = await orNotFound(getInstrumentsPage(rt.db, user, slug));
  const names = instruments.map((i) => ({ name: i.name, next: i.versions.length + 1 }));
  const q = await searchParams;
  const wanted = one(q.instrument);
  // A plain post (scripts off) that the route refused comes back here with its problems.
  const refused = readUploadResult((await cookies()).get(UPLOAD_RESULT_COOKIE)?.value, one(q.result));
  return (
    <>
      <p><Link href={instrumentsPath(study.slug)}>← Instruments of {study.name}</Link></p>
      <h1>Upload a questionnaire</h1>
      <p>
        An XLSForm (.xlsx, as KoboToolbox and ODK write it) or a Panelwave JSON definition. The whole file is checked first:
        if anything is wrong, every problem is listed with its sheet, row and column, and nothing is saved.
      </p>
      <UploadForm studySlug={study.slug} instruments={names} initial={wanted || undefined} maxBytes={MAX_INSTRUMENT_BYTES} refused={refused} />
    </>
  );
}
