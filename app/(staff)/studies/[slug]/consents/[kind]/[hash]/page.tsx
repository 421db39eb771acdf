// GET /studies/:slug/consents/:kind/:hash – one past consent wording, exactly as it was shown
import Link from "next/link";
import { formatDate } from "../../../../../../../lib/i18n/format-date";
import { getConsentWording } from "../../../../../../../lib/panel/consent-wordings";
import { orNotFound, studyScreen } from "../../../recruitment/study-screen";

export const dynamic = "force-dynamic";

export default async function ConsentWordingPage(props: { params: Promise<{ slug: string; kind: string; hash: string }> }) {
  const { kind, hash } = await props.params;
  const { rt, user, slug } = await studyScreen(props.params, "consents");
  const { study, wording: w } = await orNotFound(getConsentWording(rt.db, user, slug, decodeURIComponent(kind), hash));
  return (
    <>
      <p><Link href={`/studies/${slug}/consents`}>← Consents of {study.name}</Link></p>
      <h1>{w.kind}, version {w.wordingVersion ?? "–"}</h1>
      <dl>
        <dt>Language</dt><dd>{w.language ?? "–"}</dd>
        <dt>First shown (UTC)</dt><dd>{formatDate(w.firstRecordedAt, "long", { timeZone: "UTC" })}</dd>
        <dt>SHA-256</dt><dd><code style={{ overflowWrap: "anywhere" }}>{w.hash}</code></dd>
      </dl>
      <h2>Wording as shown</h2>
      <blockquote lang={w.language ?? undefined} style={{ whiteSpace: "pre-line", margin: 0, paddingLeft: "1rem", borderLeft: "4px solid #767676" }} data-testid="wording">{w.text}</blockquote>
    </>
  );
}
