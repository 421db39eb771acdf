// The wave page's fieldwork: totals and counts by day (days in the study's time zone).
import type { getWaveDashboard } from "../../../../../../lib/waves/get-wave-dashboard";

type Dashboard = Awaited<ReturnType<typeof getWaveDashboard>>;

const TOTALS = [["invited", "Invited"], ["delivered", "Delivered"], ["bounced", "Bounced"], ["optedOut", "Opted out"], ["started", "Started"], ["completed", "Completed"]] as const;
const DAYS = [["delivered", "Invitations delivered"], ["reminded", "Reminders"], ["bounced", "Bounced"], ["optedOut", "Opted out"], ["started", "Started"], ["completed", "Completed"]] as const;

export function Fieldwork({ d }: { d: Dashboard }) {
  const t = d.fieldwork.totals;
  return (
    <section aria-labelledby="fieldwork-heading">
      <h2 id="fieldwork-heading">Fieldwork</h2>
      <table className="stack-table" aria-label="Fieldwork totals">
        <thead><tr>{TOTALS.map(([, label]) => <th key={label} className="num">{label}</th>)}</tr></thead>
        <tbody><tr>{TOTALS.map(([k, label]) => <td key={k} className="num" data-label={label}>{t[k]}</td>)}</tr></tbody>
      </table>
      <p className="muted">
        Mail for this wave: {Object.entries(d.mail).map(([k, v]) => `${v} ${k}`).join(", ") || "none yet"}.
        Started counts every response begun, completed included. Days are in {d.timeZone}.
      </p>
      <h3>By day</h3>
      {d.fieldwork.days.length === 0 ? <p>Nothing yet.</p> : (
        <table className="stack-table" aria-label="Fieldwork by day">
          <thead><tr><th>Day ({d.timeZone})</th>{DAYS.map(([, label]) => <th key={label} className="num">{label}</th>)}</tr></thead>
          <tbody>
            {d.fieldwork.days.map((r) => (
              <tr key={r.day}>
                <td data-label={`Day (${d.timeZone})`}>{r.day}</td>
                {DAYS.map(([k, label]) => <td key={k} className="num" data-label={label}>{r[k]}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
