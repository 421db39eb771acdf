// GET /studies/:slug/waves/:wave – one wave: its rule and target count, schedule, open/close now,
// and the fieldwork dashboard (invited, delivered, bounced, opted out, started, completed, by day).
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { NotFound } from "../../../../../../lib/errors/app-error";
import { getWaveDashboard } from "../../../../../../lib/waves/get-wave-dashboard";
import { LiveRefresh } from "../../../../live-refresh";
import { staffPage } from "../../../../staff-page";
import { scheduleFormValues } from "../wave-form-values";
import { ScheduleForm, WaveControls } from "./wave-controls";
import { slugSchema } from "../../../../../../lib/studies/study-schema";
import { formatDate } from "../../../../../../lib/i18n/format-date";

export const dynamic = "force-dynamic";

const fmt = (d: Date | null) => (d ? formatDate(d, "minute", { timeZone: "UTC" }) + " UTC" : "–");

export default async function WavePage({ params }: { params: Promise<{ slug: string; wave: string }> }) {
  const p = z.object({ slug: slugSchema, wave: slugSchema }).safeParse(await params);
  if (!p.success) notFound();
  const { rt, user } = await staffPage(undefined, `/studies/${p.data.slug}/waves/${p.data.wave}`);
  const d = await getWaveDashboard(rt.db, user, p.data.slug, p.data.wave).catch((e) => {
    if (e instanceof NotFound) notFound();
    throw e;
  });
  const { study, wave, fieldwork, mail } = d;
  const t = fieldwork.totals;
  const s = wave.schedule;
  return (
    <>
      <LiveRefresh seconds={10} />
      <p><Link href={`/studies/${study.slug}/waves`}>← Waves of {study.name}</Link></p>
      <h1>{wave.name} <span className={`badge ${wave.status}`}>{wave.status}</span></h1>
      <p className="muted">
        Opens {fmt(wave.opensAt)} · closes {fmt(wave.closesAt)} ·{" "}
        {wave.mode === "panel" ? `panel: consent “${wave.targetRule?.consent ?? "follow_up_surveys"}”${wave.targetRule?.completedWaveId ? ", completed an earlier wave" : ""}` : `open link /j/${study.slug}/${wave.slug}`}
      </p>
      {d.targets !== null && (
        <p><strong>{d.targets}</strong> participants match the rule now (consented, not withdrawn, address not bounced).</p>
      )}
      <WaveControls studySlug={study.slug} waveSlug={wave.slug} status={wave.status} />

      <h2>Fieldwork</h2>
      <table aria-label="Fieldwork totals">
        <thead><tr><th className="num">Invited</th><th className="num">Delivered</th><th className="num">Bounced</th><th className="num">Opted out</th><th className="num">Started</th><th className="num">Completed</th></tr></thead>
        <tbody><tr>
          <td className="num">{t.invited}</td><td className="num">{t.delivered}</td><td className="num">{t.bounced}</td>
          <td className="num">{t.optedOut}</td><td className="num">{t.started}</td><td className="num">{t.completed}</td>
        </tr></tbody>
      </table>
      <p className="muted">
        Mail for this wave: {Object.entries(mail).map(([k, v]) => `${v} ${k}`).join(", ") || "none yet"}.
        Started counts every response begun, completed included. Days are in {d.timeZone}.
      </p>
      <h3>By day</h3>
      {fieldwork.days.length === 0 ? <p>Nothing yet.</p> : (
        <table aria-label="Fieldwork by day">
          <thead><tr><th>Day</th><th className="num">Invitations delivered</th><th className="num">Reminders</th><th className="num">Bounced</th><th className="num">Opted out</th><th className="num">Started</th><th className="num">Completed</th></tr></thead>
          <tbody>
            {fieldwork.days.map((r) => (
              <tr key={r.day}>
                <td>{r.day}</td><td className="num">{r.delivered}</td><td className="num">{r.reminded}</td><td className="num">{r.bounced}</td>
                <td className="num">{r.optedOut}</td><td className="num">{r.started}</td><td className="num">{r.completed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {wave.mode === "panel" && (
        <>
          <h2>Invitations and reminders</h2>
          {wave.status === "closed" ? (
            <p>The wave is closed.</p>
          ) : (
            <ScheduleForm
              studySlug={study.slug}
              waveSlug={wave.slug}
              initial={scheduleFormValues(s)}
            />
          )}
        </>
      )}
      <p><Link href={`/studies/${study.slug}/waves/emails`}>Preview the emails and send yourself a test</Link></p>
    </>
  );
}
