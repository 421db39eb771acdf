// The panel page's "Contact health" section: working, bounced and unreached addresses (N months
// chosen here, default 12) and each panel wave's non-contacts. Counts from getContactHealth.
import type { ContactHealth } from "../../../../../lib/reports/get-contact-health";
import { formatDate } from "../../../../../lib/i18n/format-date";

export function ContactHealthSection({ health, monthsError, monthsValue }: { health: ContactHealth; monthsError?: string; monthsValue: string }) {
  const c = health.counts;
  const share = (n: number) => (c.active > 0 ? ` (${((n / c.active) * 100).toFixed(1)}%)` : "");
  return (
    <section aria-labelledby="health-title" style={{ marginTop: "1.5rem" }}>
      <h2 id="health-title">Contact health</h2>
      <form method="get" aria-label="Contact health period">
        <label htmlFor="months">Not reached for (months)</label>
        <div style={{ display: "flex", gap: ".75rem", alignItems: "center", flexWrap: "wrap" }}>
          <input id="months" name="months" type="number" inputMode="numeric" min={1} max={120} defaultValue={monthsValue} style={{ width: "7rem" }}
            aria-invalid={!!monthsError} aria-describedby={monthsError ? "months-error" : undefined} />
          <button type="submit">Show</button>
        </div>
        {monthsError && <p className="field-error" id="months-error">{monthsError}</p>}
      </form>
      <table className="stack-table" aria-labelledby="health-title" style={{ marginTop: ".75rem" }}>
        <thead>
          <tr><th scope="col">Participants</th><th scope="col">With an address</th><th scope="col">Working address</th><th scope="col">Bounced</th><th scope="col">Not reached in {health.months} months</th><th scope="col">Changed their details</th></tr>
        </thead>
        <tbody>
          <tr>
            <td data-label="Participants" className="num">{c.active}</td>
            <td data-label="With an address" className="num">{c.withAddress}{share(c.withAddress)}</td>
            <td data-label="Working address" className="num">{c.confirmed}{share(c.confirmed)}</td>
            <td data-label="Bounced" className="num">{c.bounced}{share(c.bounced)}</td>
            <td data-label={`Not reached in ${health.months} months`} className="num">{c.unreachable}{share(c.unreachable)}</td>
            <td data-label="Changed their details" className="num">{c.changed}{share(c.changed)}</td>
          </tr>
        </tbody>
      </table>
      <p className="muted">
        Participants who have not withdrawn. A working address has had a message delivered that did not bounce; not reached means no
        message delivered since {formatDate(health.since, "day", { timeZone: health.timeZone })}. Changed their details: on My details
        (an address added, confirmed or removed, where they live, their language)
        {c.changedSince ? ` since the latest wave opened (${formatDate(c.changedSince, "day", { timeZone: health.timeZone })})` : ", no wave has opened yet"}.
      </p>
      {health.waves.length > 0 && (
        <>
          <h3 id="noncontact-title">Non-contacts by wave</h3>
          <table className="stack-table" aria-labelledby="noncontact-title">
            <thead>
              <tr><th scope="col">Wave</th><th scope="col">Bounced (NC)</th><th scope="col">Never delivered (O)</th><th scope="col">Delivered, not opened (U)</th></tr>
            </thead>
            <tbody>
              {health.waves.map((w) => (
                <tr key={w.slug}>
                  <th scope="row" data-label="Wave">{w.name}</th>
                  {([["Bounced (NC)", w.bounced], ["Never delivered (O)", w.neverDelivered], ["Delivered, not opened (U)", w.notOpened]] as const).map(([label, g]) => (
                    <td key={label} data-label={label} className="num">{g.people} people, {g.attempts} {g.attempts === 1 ? "message" : "messages"}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">People whose invitation ended this way (completes, partials and refusals excluded), and the invitations and reminders that went out or bounced for them.</p>
        </>
      )}
    </section>
  );
}
