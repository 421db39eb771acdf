// GET /studies/:slug/panel – the participant list: search by code, filter by a wave's status and by
// consent, a page at a time (keyset on the code). Pseudonymous: codes, statuses and consents. Below
// it, the study's contact health (?months=N).
import Link from "next/link";
import { InvalidInput } from "../../../../../lib/errors/app-error";
import { getContactHealth } from "../../../../../lib/reports/get-contact-health";
import { WAVE_FILTER_STATUSES } from "../../../../../lib/panel/list-participants";
import { panelScreen } from "../../../../../lib/panel/panel-screen";
import { ErrorSummary } from "../../../../components/error-summary";
import { orNotFound, studyScreen } from "../recruitment/study-screen";
import { ContactHealthSection } from "./contact-health";
import { CONSENT_STATE, consentName, INVITATION_STATUS } from "./labels";

export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;
const FILTERS = ["code", "wave", "status", "consent", "consentState"] as const;

export default async function PanelListPage(props: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const { rt, user, slug } = await studyScreen(props.params, "panel");
  const sp = await props.searchParams;
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : "");
  const filter = Object.fromEntries(FILTERS.map((k) => [k, one(k)])) as Record<(typeof FILTERS)[number], string>;
  if (!filter.consent) filter.consentState = "";
  let failure: InvalidInput | null = null;
  const load = (q: Record<string, string>) => orNotFound(panelScreen(rt.db, user, slug, q));
  let s = await load({ ...filter, ...(one("after") ? { after: one("after") } : {}) }).catch((e) => {
    if (!(e instanceof InvalidInput)) throw e;
    failure = e;
    return null;
  });
  // With a filter that is not valid, the unfiltered list, under the error summary.
  s ??= await load({});
  // Contact health over the months asked for (default 12); a bad number shows the default, with its error.
  const now = new Date();
  let monthsError: string | undefined;
  const health = await orNotFound(getContactHealth(rt.db, user, slug, one("months") ? { months: one("months") } : {}, now)).catch(async (e) => {
    if (!(e instanceof InvalidInput)) throw e;
    monthsError = e.issues.find((i) => i.path === "months")?.message ?? e.message;
    return orNotFound(getContactHealth(rt.db, user, slug, {}, now));
  });
  const f = failure as InvalidInput | null;
  const err = (k: string) => f?.issues.find((i) => i.path === k)?.message;
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v));
  const filtered = query.size > 0;
  const nextHref = s.next ? `?${new URLSearchParams({ ...Object.fromEntries(query), after: s.next })}` : null;
  const field = (k: string) => ({ id: k, name: k, "aria-invalid": !!err(k), "aria-describedby": err(k) ? `${k}-error` : undefined });
  return (
    <>
      <p><Link href={`/studies/${slug}`}>← {s.study.name}</Link></p>
      <h1>Panel</h1>
      <nav aria-label="Panel" style={{ display: "flex", gap: "1rem", flexWrap: "wrap" }}>
        <Link href={`/studies/${slug}/panel/import`}>Import from CSV or Excel</Link>
        <Link href={`/studies/${slug}/panel/trajectories`}>Panel trajectories</Link>
        <Link href={`/studies/${slug}/panel/keep-in-touch`}>Keep in touch</Link>
        <a href="#health-title">Contact health</a>
      </nav>
      <form method="get" className="stack" aria-label="Search the panel" style={{ maxWidth: "40rem", marginTop: "1rem" }}>
        <ErrorSummary items={f ? (f.issues.length ? f.issues.map((i) => ({ field: i.path, message: i.message })) : [{ message: f.message }]) : []} focusOn={[f?.message]} />
        <div>
          <label htmlFor="code">Code starts with</label>
          <input {...field("code")} defaultValue={filter.code} autoComplete="off" spellCheck={false} />
          {err("code") && <p className="field-error" id="code-error">{err("code")}</p>}
        </div>
        <fieldset style={{ border: 0, padding: 0, margin: 0, display: "grid", gap: ".5rem" }}>
          <legend style={{ fontWeight: 600, marginBottom: ".25rem" }}>Status in a wave</legend>
          <div>
            <label htmlFor="wave">Wave</label>
            <select {...field("wave")} defaultValue={filter.wave}>
              <option value="">Any wave</option>
              {s.waves.map((w) => <option key={w.slug} value={w.slug}>{w.name}</option>)}
            </select>
            {err("wave") && <p className="field-error" id="wave-error">{err("wave")}</p>}
          </div>
          <div>
            <label htmlFor="status">Status</label>
            <select {...field("status")} defaultValue={filter.status}>
              <option value="">Any status</option>
              {WAVE_FILTER_STATUSES.map((st) => <option key={st} value={st}>{INVITATION_STATUS[st]}</option>)}
            </select>
            {err("status") && <p className="field-error" id="status-error">{err("status")}</p>}
          </div>
        </fieldset>
        <fieldset style={{ border: 0, padding: 0, margin: 0, display: "grid", gap: ".5rem" }}>
          <legend style={{ fontWeight: 600, marginBottom: ".25rem" }}>Consent</legend>
          <div>
            <label htmlFor="consent">Consent kind</label>
            <select {...field("consent")} defaultValue={filter.consent}>
              <option value="">Any consent</option>
              {s.consentKinds.map((k) => <option key={k} value={k}>{consentName(k)}</option>)}
            </select>
            {err("consent") && <p className="field-error" id="consent-error">{err("consent")}</p>}
          </div>
          <div>
            <label htmlFor="consentState">Consent state</label>
            <select {...field("consentState")} defaultValue={filter.consentState}>
              {Object.entries(CONSENT_STATE).map(([v, label]) => <option key={v} value={v}>{label}</option>)}
            </select>
          </div>
        </fieldset>
        <div style={{ display: "flex", gap: ".75rem", flexWrap: "wrap", alignItems: "center" }}>
          <button type="submit">Search</button>
          {filtered && <Link href={`/studies/${slug}/panel`} className="button secondary" style={{ background: "#fff", color: "var(--accent)" }}>Clear the filter</Link>}
        </div>
      </form>
      <h2 id="people-title">{filtered && !f ? "Matching participants" : "Participants"}</h2>
      {s.participants.length === 0 ? (
        <p>{filtered && !f ? "Nobody matches this filter." : "The panel is empty. Import it from a CSV or Excel file."}</p>
      ) : (
        <table className="stack-table" aria-labelledby="people-title">
          <thead>
            <tr><th scope="col">Code</th><th scope="col">Language</th><th scope="col">Consents</th><th scope="col">Waves</th><th scope="col">State</th></tr>
          </thead>
          <tbody>
            {s.participants.map((p) => (
              <tr key={p.code}>
                <td data-label="Code"><Link href={`/studies/${slug}/panel/people/${encodeURIComponent(p.code)}`}><code>{p.code}</code></Link></td>
                <td data-label="Language">{p.language ?? "–"}</td>
                <td data-label="Consents">{Object.entries(p.consents).map(([k, g]) => `${consentName(k)}: ${g ? "yes" : "withdrawn"}`).join("; ") || "–"}</td>
                <td data-label="Waves">{Object.entries(p.waves).map(([w, st]) => `${w}: ${INVITATION_STATUS[st.invitation ?? ""] ?? st.response ?? "–"}`).join("; ") || "–"}</td>
                <td data-label="State">{p.withdrawn ? "withdrawn" : p.hasContact ? "active" : "no contact"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        {one("after") && <Link href={`?${query}`} style={{ marginRight: "1rem" }}>First page</Link>}
        {nextHref && <Link href={nextHref}>Next page</Link>}
      </p>
      <ContactHealthSection health={health} monthsError={monthsError} monthsValue={one("months") || String(health.months)} />
    </>
  );
}
