// GET /studies/:slug/waves/emails?template=…&lang=… – every email template in every language, as
// the recipient sees it (with this study's name and contact person), and "send myself a test".
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { TEMPLATE_NAMES, TEMPLATES } from "../../../../../../emails";
import { AppError } from "../../../../../../lib/errors/app-error";
import { languageTagSchema } from "../../../../../../lib/i18n/language-tag";
import { previewEmail } from "../../../../../../lib/mail/preview-email";
import { staffPage } from "../../../../staff-page";
import { TestSend } from "./test-send";
import { slugSchema } from "../../../../../../lib/studies/study-schema";

export const dynamic = "force-dynamic";

const query = z.object({ template: z.string().max(64).default("invitation"), lang: languageTagSchema("lang").default("uk") });

export default async function EmailsPage(props: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const slug = slugSchema.safeParse((await props.params).slug);
  const q = query.safeParse(await props.searchParams);
  if (!slug.success || !q.success) notFound();
  const { rt, user } = await staffPage(undefined, `/studies/${slug.data}/waves/emails`);
  const p = await previewEmail(rt.db, user, slug.data, q.data.template, q.data.lang).catch((e) => {
    if (e instanceof AppError) notFound();
    throw e;
  });
  const base = `/studies/${p.study.slug}/waves/emails`;
  return (
    <>
      <p><Link href={`/studies/${p.study.slug}/waves`}>← Waves of {p.study.name}</Link></p>
      <h1>Email templates</h1>
      <table className="stack-table" aria-label="Templates and languages">
        <thead><tr><th>Template</th><th>Languages</th></tr></thead>
        <tbody>
          {TEMPLATE_NAMES.map((name) => (
            <tr key={name}>
              <td data-label="Template">{name}{TEMPLATES[name].audience === "staff" ? " (staff)" : ""}</td>
              <td data-label="Languages">
                {TEMPLATES[name].languages.map((l) => (
                  <span key={l} className="lang-pick">
                    {name === p.template && l === p.language ? <strong aria-current="page">{l}</strong> : <Link href={`${base}?template=${name}&lang=${l}`} aria-label={`${name}, ${l}`}>{l}</Link>}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{p.template} · {p.language}</h2>
      <p><strong>Subject:</strong> {p.rendered.subject}</p>
      <TestSend studySlug={p.study.slug} template={p.template} language={p.language} email={user.email} requestId={randomUUID()} />
      <iframe title={`Preview of ${p.template} in ${p.language}`} srcDoc={p.rendered.html} sandbox="" style={{ width: "100%", height: "34rem", border: "1px solid var(--line)", marginTop: "1rem" }} />
      <h3>Plain text</h3>
      <pre style={{ whiteSpace: "pre-wrap" }}>{p.rendered.text}</pre>
      <p className="muted">The personal link and the stop-emails link are preview placeholders; real messages get each person&apos;s own.</p>
    </>
  );
}
