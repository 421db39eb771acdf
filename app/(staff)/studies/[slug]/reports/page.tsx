// GET /studies/:slug/reports – a frequency table of any choice question (wave and question chosen in one step) with its chart and "other, specify" texts, the interviewees' characteristics (Table 2), and response rates per wave
import Link from "next/link";
import { BRANCHES, getFrequencyTable } from "../../../../../lib/reports/get-frequency-table";
import { frequencySvg } from "../../../../../lib/reports/frequency-svg";
import { listChoiceQuestions } from "../../../../../lib/reports/list-choice-questions";
import { listOtherTexts } from "../../../../../lib/reports/list-other-texts";
import { getIntervieweeTable } from "../../../../../lib/reports/interviewee-table";
import { getResponseRates } from "../../../../../lib/reports/get-response-rates";
import { defaultOrder } from "../../../../../lib/reports/build-frequency-table";
import { DISPOSITIONS, DISPOSITION_LABELS } from "../../../../../lib/reports/aapor";
import { AppError } from "../../../../../lib/errors/app-error";
import { ErrorSummary } from "../../../../components/error-summary";
import { orNotFound, pct, studyScreen } from "../recruitment/study-screen";

export const dynamic = "force-dynamic";

const BRANCH_LABELS: Record<keyof typeof BRANCHES, string> = { all: "All respondents", left: "Left Norway (returned or moved on)", stayed: "Stayed", returned: "Returned", moved_on: "Moved on", unknown: "Unknown" };

/** The form's fields, by id: a refusal naming one links to it. */
const FIELDS: Record<string, string> = { wave: "pick", question: "pick", branch: "branch", order: "order", page: "other-texts" };

const caught = <T,>(p: Promise<T>) => p.catch((e) => (e instanceof AppError ? e : Promise.reject(e)));

export default async function ReportsPage(props: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string>> }) {
  const { rt, user, slug } = await studyScreen(props.params, "reports");
  const q = await props.searchParams;
  const pick = await orNotFound(listChoiceQuestions(rt.db, user, slug));
  // One select names the wave and the question together ("wave-2/reasons"); wave= and question= still work.
  const [pickedWave, pickedQuestion] = typeof q.pick === "string" && q.pick.includes("/") ? [q.pick.slice(0, q.pick.indexOf("/")), q.pick.slice(q.pick.indexOf("/") + 1)] : [q.wave, q.question];
  const wave = pick.waves.find((w) => w.slug === pickedWave) ?? pick.waves.at(-1);
  const question = wave?.questions.find((x) => x.name === pickedQuestion) ?? wave?.questions.find((x) => x.type === "multiple") ?? wave?.questions[0];
  const order = q.order === "count" || q.order === "options" ? q.order : question ? defaultOrder(question.type) : "count";
  const query = { wave: wave?.slug ?? "", question: question?.name ?? "", branch: q.branch ?? "all", order };
  const now = new Date();
  const result = question ? await caught(getFrequencyTable(rt.db, user, slug, query, now)) : null;
  const others = question?.hasOther ? await caught(listOtherTexts(rt.db, user, slug, { wave: query.wave, question: query.question, page: q.page ?? "1" })) : null;
  const interviewees = await getIntervieweeTable(rt.db, user, slug, now);
  const rates = await getResponseRates(rt.db, user, slug);
  const dl = (format: string) => `/api/studies/${slug}/reports/frequency?${new URLSearchParams({ ...query, format })}`;
  const pageLink = (page: number) => `/studies/${slug}/reports?${new URLSearchParams({ pick: `${query.wave}/${query.question}`, branch: query.branch, order, page: String(page) })}#other-texts`;
  const failure = [result, others].find((r): r is AppError => r instanceof AppError);
  return (
    <>
      <p><Link href={`/studies/${slug}`}>← {pick.study.name}</Link></p>
      <h1>Reports</h1>
      <h2>Frequency table</h2>
      <form method="get" style={{ display: "flex", gap: ".75rem", flexWrap: "wrap", alignItems: "end" }} aria-label="Choose a question">
        <div style={{ flex: "1 1 18rem", minWidth: 0 }}>
          <label htmlFor="pick">Wave and question</label>
          <select id="pick" name="pick" defaultValue={`${query.wave}/${query.question}`}>
            {pick.waves.map((w) => (
              <optgroup key={w.slug} label={w.name}>
                {w.questions.map((x) => <option key={x.name} value={`${w.slug}/${x.name}`}>{x.name} – {x.label.slice(0, 60)}</option>)}
              </optgroup>
            ))}
          </select>
        </div>
        <div style={{ flex: "1 1 12rem", minWidth: 0 }}><label htmlFor="branch">Who</label><select id="branch" name="branch" defaultValue={query.branch}>{Object.entries(BRANCH_LABELS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}</select></div>
        <div style={{ flex: "1 1 12rem", minWidth: 0 }}>
          <label htmlFor="order">Order of the options</label>
          <select id="order" name="order" defaultValue={q.order ?? ""}>
            <option value="">Usual: single choice in option order, several answers by count</option>
            <option value="options">Option order (e.g. age groups)</option>
            <option value="count">By count, most chosen first</option>
          </select>
        </div>
        <button type="submit">Show</button>
      </form>
      {failure && <ErrorSummary items={[{ message: failure.message }, ...failure.issues.map((i) => ({ field: FIELDS[i.path], message: i.message }))]} focusOn={[]} />}
      {result && !(result instanceof AppError) && (
        <section aria-label="Frequency table">
          <table className="stack-table">
            <caption style={{ textAlign: "left" }}><strong>{result.table.question}</strong><br /><span className="muted">{result.table.base}; N = {result.table.n} respondents who answered{result.table.multiple ? "; several answers possible" : ""}; {result.table.order === "count" ? "by count" : "in option order"}</span></caption>
            <thead><tr><th>Option</th><th className="num">Count</th><th className="num">%</th></tr></thead>
            <tbody>{result.table.rows.map((r) => <tr key={r.code}><td data-label="Option">{r.label}{r.marks.length > 0 && <sup> {r.marks.join(",")}</sup>}</td><td data-label="Count" className="num">{r.count}</td><td data-label="%" className="num">{r.percent ?? "–"}</td></tr>)}</tbody>
            <tfoot><tr><th>N</th><td data-label="N" className="num">{result.table.n}</td><td data-label="%" /></tr></tfoot>
          </table>
          {result.table.footnotes.map((f) => <p key={f.mark} className="muted"><sup>{f.mark}</sup> {f.text}</p>)}
          <div className="chart" dangerouslySetInnerHTML={{ __html: frequencySvg(result.table) }} />
          <p>Download: <a href={dl("csv")}>table (CSV)</a> · <a href={dl("svg")}>chart (SVG)</a></p>
        </section>
      )}
      {others && !(others instanceof AppError) && (
        <section id="other-texts" aria-labelledby="other-heading" tabIndex={-1}>
          <h3 id="other-heading">“Other, specify” answers to {others.question.name}</h3>
          <p className="muted">{others.total} {others.total === 1 ? "text" : "texts"} from completed responses; pseudonymous (the participant code only). Page {others.page} of {others.pages}.</p>
          {others.rows.length > 0 && (
            <table className="stack-table">
              <thead><tr><th>Participant</th><th>Text</th></tr></thead>
              <tbody>{others.rows.map((r, i) => <tr key={i}><td data-label="Participant"><code>{r.code ?? "open link"}</code></td><td data-label="Text" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{r.text}</td></tr>)}</tbody>
            </table>
          )}
          <nav aria-label="Pages of “other” texts" style={{ display: "flex", gap: "1rem" }}>
            {others.page > 1 && <Link href={pageLink(others.page - 1)} className="lang-pick">← Previous</Link>}
            {others.page < others.pages && <Link href={pageLink(others.page + 1)} className="lang-pick">Next →</Link>}
          </nav>
        </section>
      )}
      <h2 id="interviewees">Interviewees’ characteristics</h2>
      <p className="muted">
        As in the reference study’s Table 2: one row per person interviewed (while nobody is interviewed yet, those who agreed),
        with the characteristics and printed labels set in the study settings.
      </p>
      {interviewees.columns.length === 0 && <p>The study settings name no recruitment characteristics yet.</p>}
      {interviewees.rows.length === 0 ? (
        <p>Nobody has agreed to or taken part in an interview yet.</p>
      ) : (
        <>
          <table className="stack-table">
            <caption style={{ textAlign: "left" }}>{interviewees.caption}</caption>
            <thead><tr><th>No.</th><th>Participant</th>{interviewees.columns.map((c) => <th key={c.key}>{c.label}</th>)}</tr></thead>
            <tbody>
              {interviewees.rows.map((r) => (
                <tr key={r.code}>
                  <td data-label="No.">{r.number}</td>
                  <td data-label="Participant"><code>{r.code}</code></td>
                  {interviewees.columns.map((c, i) => <td key={c.key} data-label={c.label}>{r.cells[i] || "–"}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
          <p>Download: <a href={`/api/studies/${slug}/reports/interviewees`}>interviewees’ characteristics (CSV)</a></p>
        </>
      )}
      <h2>Response rates</h2>
      <p className="muted">AAPOR Standard Definitions: RR1 = I / all invited; RR2 = (I + P) / all invited. See docs/recruitment.md for how invitation outcomes map to dispositions.</p>
      <table className="stack-table">
        <thead><tr><th>Wave</th>{DISPOSITIONS.map((d) => <th key={d} className="num">{DISPOSITION_LABELS[d]}</th>)}<th className="num">Invited</th><th className="num">RR1</th><th className="num">RR2</th><th className="num">Retention</th></tr></thead>
        <tbody>
          {rates.waves.map((w) => (
            <tr key={w.slug}>
              <td data-label="Wave">{w.name}{!w.applicable && <><br /><span className="muted">open link: no sample frame, no response rate</span></>}</td>
              {DISPOSITIONS.map((d) => <td key={d} data-label={DISPOSITION_LABELS[d]} className="num">{w.dispositions[d]}</td>)}
              <td data-label="Invited" className="num">{w.total}</td><td data-label="RR1" className="num">{pct(w.rr1)}</td><td data-label="RR2" className="num">{pct(w.rr2)}</td>
              <td data-label="Retention" className="num">{w.retention ? `${pct(w.retention.rate)} (${w.retention.retained}/${w.retention.base})` : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
