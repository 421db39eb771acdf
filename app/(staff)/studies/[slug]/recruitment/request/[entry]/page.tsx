// GET /studies/:slug/recruitment/request/:entry – the interview request as it will be sent (subject and body, in the person's language), then "Send"
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { previewInterviewRequest } from "../../../../../../../lib/recruitment/preview-interview-request";
import { STATUS_LABELS } from "../../../../../../../lib/recruitment/recruitment-transitions";
import { orNotFound, studyScreen } from "../../study-screen";
import { ConfirmRequest } from "./confirm-request";

export const dynamic = "force-dynamic";

const LANGUAGE_NAMES: Record<string, string> = { uk: "Ukrainian", ru: "Russian", nb: "Norwegian Bokmål", en: "English" };

export default async function RequestPreviewPage(props: { params: Promise<{ slug: string; entry: string }> }) {
  const { rt, user, slug } = await studyScreen(props.params, "recruitment");
  const entry = z.uuid().safeParse((await props.params).entry);
  if (!entry.success) notFound();
  const p = await orNotFound(previewInterviewRequest(rt.db, user, slug, { id: entry.data }, rt.config.publicUrl));
  return (
    <>
      <p><Link href={`/studies/${slug}/recruitment`}>← Interview recruitment</Link></p>
      <h1>Interview request to <code>{p.entry.code}</code></h1>
      <p>
        This is the email as it will be sent, in {LANGUAGE_NAMES[p.language] ?? p.language} (the language they last answered in, else their contact language).
        Nothing is sent until you confirm. Status now: {STATUS_LABELS[p.entry.status].toLowerCase()}{p.entry.requests > 0 ? `; ${p.entry.requests} request(s) sent before` : ""}.
      </p>
      <section aria-labelledby="email-heading" className="card" lang={p.language}>
        <h2 id="email-heading" style={{ marginTop: 0 }}><span lang="en">Subject: </span>{p.subject}</h2>
        <pre style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{p.text}</pre>
      </section>
      <p className="muted">The stop-emails link is personal and is made when the email is sent; its address is not shown here.</p>
      {p.refusal ? (
        <p role="alert" className="error-summary">{p.refusal}. Nothing can be sent.</p>
      ) : (
        <ConfirmRequest slug={slug} id={p.entry.id} code={p.entry.code} />
      )}
    </>
  );
}
