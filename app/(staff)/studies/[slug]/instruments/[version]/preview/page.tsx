// GET /studies/:slug/instruments/:version/preview?page=&lang= – one page of a version in one language in a phone-sized frame, with the page's conditions.
import Link from "next/link";
import { getPreviewPage } from "../../../../../../../lib/instruments/get-preview-page";
import { orNotFound, staffPage } from "../../../../../staff-page";
import { framePath, one, pathParams, versionPath } from "../../params";
import "../../instruments.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Preview – Panelwave" };

type Props = { params: Promise<{ slug: string; version: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PreviewPage({ params, searchParams }: Props) {
  const { slug, version: id } = await pathParams(params);
  const q = await searchParams;
  const { rt, user } = await staffPage(undefined, `${versionPath(slug, id)}/preview`);
  const p = await orNotFound(getPreviewPage(rt.db, user, slug, id, { page: one(q.page), lang: one(q.lang) }));
  const here = `${versionPath(slug, id)}/preview`;
  const lang = p.languages.find((l) => l.code === p.lang)!;
  const pageName = (pg: { number: number; id: string; title: string }) => `${pg.number}. ${pg.title || pg.id}`;
  const link = (pageId: string) => `${here}?${new URLSearchParams({ page: pageId, lang: p.lang })}`;
  return (
    <>
      <p><Link href={versionPath(slug, id)}>← {p.version.instrument} – version {p.version.version}</Link></p>
      <h1>Preview of {p.version.instrument}, version {p.version.version}</h1>
      <p>Shown in preview regardless of conditions: every question and option of the page appears, and piped answers read <code>[name]</code>. Nothing you enter is saved.</p>
      <form method="get" className="inst-inline" aria-label="Choose the page and language">
        <div>
          <label htmlFor="page">Page</label>
          <select id="page" name="page" defaultValue={p.page.id}>
            {p.pages.map((pg) => <option key={pg.id} value={pg.id}>{pageName(pg)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="lang">Language</label>
          <select id="lang" name="lang" defaultValue={p.lang}>
            {p.languages.map((l) => <option key={l.code} value={l.code}>{l.name} ({l.code}){l.inVersion ? "" : " – not in this version"}</option>)}
          </select>
        </div>
        <button type="submit">Show</button>
      </form>
      <nav aria-label="Pages" className="inst-inline">
        {p.previous ? <Link href={link(p.previous.id)}>← Page {pageName(p.previous)}</Link> : <span className="muted">First page</span>}
        {p.next ? <Link href={link(p.next.id)}>Page {pageName(p.next)} →</Link> : <span className="muted">Last page</span>}
      </nav>
      <div className="inst-preview">
        <section aria-labelledby="conditions-title">
          <h2 id="conditions-title">Page {pageName(p.page)} <span className="muted">(<code>{p.page.id}</code>)</span></h2>
          {!lang.inVersion && <p className="inst-notice">This version has no {lang.name} texts: respondents choosing {lang.name} see the default language.</p>}
          <p data-page-condition>
            {p.conditions.page ? <>This page is shown only when <code>{p.conditions.page}</code></> : "This page is shown to everyone who reaches it."}
          </p>
          {p.conditions.items.length === 0 ? (
            <p>No question on this page has a condition.</p>
          ) : (
            <table className="stack-table">
              <caption className="inst-caption">Conditions on this page</caption>
              <thead><tr><th scope="col">Where</th><th scope="col">Rule</th><th scope="col">Condition</th></tr></thead>
              <tbody>
                {p.conditions.items.map((c, i) => (
                  <tr key={i}><td data-label="Where">{c.where}</td><td data-label="Rule">{c.role}</td><td data-label="Condition"><code>{c.source}</code></td></tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <iframe className="inst-phone" src={framePath(slug, id, p.page.id, p.lang)} width={360} height={740}
          title={`Page ${pageName(p.page)} in ${lang.name}, as a respondent sees it`} />
      </div>
    </>
  );
}
