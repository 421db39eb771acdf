// GET /studies/:slug/reports – frequency tables of choice questions (all or one branch) with a bar chart, and response rates per wave
import Link from "next/link";
import { BRANCHES, getFrequencyTable } from "../../../../../lib/reports/get-frequency-table";
import { frequencySvg } from "../../../../../lib/reports/frequency-svg";
import { listChoiceQuestions } from "../../../../../lib/reports/list-choice-questions";
import { getResponseRates } from "../../../../../lib/reports/get-response-rates";
import { DISPOSITIONS, DISPOSITION_LABELS } from "../../../../../lib/reports/aapor";
import { AppError } from "../../../../../lib/errors/app-error";
import { ErrorSummary } from "../../../../components/error-summary";
import { orNotFound, pct, studyScreen } from "../recruitment/study-screen";

export const dynamic = "force-dynamic";

const BRANCH_LABELS: Record<keyof typeof BRANCHES, string> = { all: "All respondents", left: "Left Norway (returned or moved on)", stayed: "Stayed", returned: "Returned", moved_on: "Moved on", unknown: "Unknown" };

/** The form's fields, by id: a refusal naming one links to it. */
const FIELDS = ["wave", "question", "branch"];

export default async function ReportsPage(props: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string>> }) {
  const { rt, user, slug } = await studyScreen(props.params, "reports");
  const q = await props.searchParams;
  const pick = await orNotFound(listChoiceQuestions(rt.db, user, slug));
  const wave = pick.waves.find((w) => w.slug === q.wave) ?? pick.waves.at(-1);
  const question = wave?.questions.find((x) => x.name === q.question) ?? wave?.questions.find((x) => x.type === "multiple") ?? wave?.questions[0];
  const query = { wave: wave?.slug ?? "", question: question?.name ?? "", branch: q.branch ?? "all" };
  const result = question ? await getFrequencyTable(rt.db, user, slug, query, new Date()).catch((e) => (e instanceof AppError ? e : Promise.reject(e))) : null;
  const rates = await getResponseRates(rt.db, user, slug);
  const dl = (format: string) => `/api/studies/${slug}/reports/frequency?${new URLSearchParams({ ...query, format })}`;
  return (
    <>
      <p><Link href={`/studies/${slug}`}>← {pick.study.name}</Link></p>
      <h1>Reports</h1>
      <h2>Frequency table</h2>
      <form method="get" style={{ display: "flex", gap: ".75rem", flexWrap: "wrap", alignItems: "end" }} aria-label="Choose a question">
        <div><label htmlFor="wave">Wave</label><select id="wave" name="wave" defaultValue={wave?.slug}>{pick.waves.map((w) => <option key={w.slug} value={w.slug}>{w.name}</option>)}</select></div>
        <div><label htmlFor="question">Question</label><select id="question" name="question" defaultValue={question?.name}>{wave?.questions.map((x) => <option key={x.name} value={x.name}>{x.name} – {x.label.slice(0, 60)}</option>)}</select></div>
        <div><label htmlFor="branch">Who</label><select id="branch" name="branch" defaultValue={query.branch}>{Object.entries(BRANCH_LABELS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}</select></div>
        <button type="submit">Show</button>
      </form>
      <p className="muted">Changing the wave lists its questions after “Show”.</p>
      {result instanceof AppError && <ErrorSummary items={[{ message: result.message }, ...result.issues.map((i) => ({ field: FIELDS.includes(i.path) ? i.path : undefined, message: i.message }))]} focusOn={[]} />}
      {result && !(result instanceof AppError) && (
        <section aria-label="Frequency table">
          <table>
            <caption style={{ textAlign: "left" }}><strong>{result.table.question}</strong><br /><span className="muted">{result.table.base}; N = {result.table.n} respondents who answered{result.table.multiple ? "; several answers possible" : ""}</span></caption>
            <thead><tr><th>Option</th><th className="num">Count</th><th className="num">%</th></tr></thead>
            <tbody>{result.table.rows.map((r) => <tr key={r.code}><td>{r.label}{r.marks.length > 0 && <sup> {r.marks.join(",")}</sup>}</td><td className="num">{r.count}</td><td className="num">{r.percent ?? "–"}</td></tr>)}</tbody>
            <tfoot><tr><th>N</th><th className="num">{result.table.n}</th><th /></tr></tfoot>
          </table>
          {result.table.footnotes.map((f) => <p key={f.mark} className="muted"><sup>{f.mark}</sup> {f.text}</p>)}
          <div dangerouslySetInnerHTML={{ __html: frequencySvg(result.table) }} />
          <p>Download: <a href={dl("csv")}>table (CSV)</a> · <a href={dl("svg")}>chart (SVG)</a></p>
        </section>
      )}
      <h2>Response rates</h2>
      <p className="muted">AAPOR Standard Definitions: RR1 = I / all invited; RR2 = (I + P) / all invited. See docs/recruitment.md for how invitation outcomes map to dispositions.</p>
      <table>
        <thead><tr><th>Wave</th>{DISPOSITIONS.map((d) => <th key={d} className="num">{DISPOSITION_LABELS[d]}</th>)}<th className="num">Invited</th><th className="num">RR1</th><th className="num">RR2</th><th className="num">Retention</th></tr></thead>
        <tbody>
          {rates.waves.map((w) => (
            <tr key={w.slug}>
              <td>{w.name}{!w.applicable && <><br /><span className="muted">open link: no sample frame, no response rate</span></>}</td>
              {DISPOSITIONS.map((d) => <td key={d} className="num">{w.dispositions[d]}</td>)}
              <td className="num">{w.total}</td><td className="num">{pct(w.rr1)}</td><td className="num">{pct(w.rr2)}</td>
              <td className="num">{w.retention ? `${pct(w.retention.rate)} (${w.retention.retained}/${w.retention.base})` : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
