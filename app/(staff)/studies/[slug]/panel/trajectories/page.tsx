// GET /studies/:slug/panel/trajectories – trajectories per wave (stayed / returned / moved on / unknown) and the flows between consecutive waves
import Link from "next/link";
import { getPanelFlows } from "../../../../../../lib/reports/get-panel-flows";
import { trajectoryName } from "../../../../../../lib/recruitment/rule-schema";
import { orNotFound, studyScreen } from "../../recruitment/study-screen";

export const dynamic = "force-dynamic";

const T = ["stayed", "returned", "moved_on", "unknown"] as const;

export default async function PanelPage(props: { params: Promise<{ slug: string }> }) {
  const { rt, user, slug } = await studyScreen(props.params, "panel/trajectories");
  const p = await orNotFound(getPanelFlows(rt.db, user, slug));
  return (
    <>
      <p><Link href={`/studies/${slug}/panel`}>← Panel of {p.study.name}</Link></p>
      <h1>Panel trajectories</h1>
      <p className="muted">Completed responses, classified by the status variable <code>{p.study.statusVariable ?? "–"}</code> when each response completed.</p>
      <table className="stack-table">
        <caption style={{ textAlign: "left" }}>Trajectory per wave</caption>
        <thead><tr><th>Wave</th>{T.map((t) => <th key={t} className="num">{trajectoryName(t)}</th>)}<th className="num">Total</th></tr></thead>
        <tbody>
          {p.waves.map((w) => (
            <tr key={w.slug}><td data-label="Wave">{w.name}</td>{T.map((t) => <td key={t} className="num" data-label={trajectoryName(t)}>{w.counts[t]}</td>)}<td className="num" data-label="Total">{w.counts.total}</td></tr>
          ))}
        </tbody>
      </table>
      {p.flows.map((f) => (
        <section key={`${f.from.slug}-${f.to.slug}`}>
          <h2>{f.from.name} → {f.to.name}</h2>
          <table className="stack-table">
            <caption style={{ textAlign: "left" }} className="muted">Rows: trajectory in {f.from.name} (completers); columns: trajectory in {f.to.name}.</caption>
            <thead><tr><th>In {f.from.name}</th>{T.map((t) => <th key={t} className="num">{trajectoryName(t)}</th>)}<th className="num">No response</th><th className="num">Total</th></tr></thead>
            <tbody>
              {f.rows.map((r) => (
                <tr key={r.from}><th scope="row">{trajectoryName(r.from)}</th>{T.map((t) => <td key={t} className="num" data-label={`${trajectoryName(t)} in ${f.to.name}`}>{r.to[t]}</td>)}<td className="num" data-label="No response">{r.to.none}</td><td className="num" data-label="Total">{r.total}</td></tr>
              ))}
            </tbody>
          </table>
          {f.rows.length === 0 && <p>No completed responses in {f.from.name} yet.</p>}
        </section>
      ))}
    </>
  );
}
