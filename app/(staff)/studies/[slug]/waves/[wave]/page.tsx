// GET /studies/:slug/waves/:wave – one wave: its times (in the study's zone), rule and target
// count, what may change now (edit/delete before it opens, extend and add reminders while it
// runs, reopen once closed), its open link with QR code, and the fieldwork dashboard.
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { NotFound } from "../../../../../../lib/errors/app-error";
import { instantToWallTime } from "../../../../../../lib/i18n/study-time-zone";
import { consentKindOption } from "../../../../../../lib/waves/consent-kinds";
import { getWaveDashboard } from "../../../../../../lib/waves/get-wave-dashboard";
import { openLinkUrl, qrCodeSvg } from "../../../../../../lib/waves/open-link";
import { LiveRefresh } from "../../../../live-refresh";
import { staffPage } from "../../../../staff-page";
import { StudyTime } from "../study-time";
import { scheduleFormValues } from "../wave-form-values";
import { CopyButton } from "./copy-button";
import { Fieldwork } from "./fieldwork";
import { WaveControls } from "./wave-controls";
import { ScheduleForm, UntilForm } from "./wave-forms";
import { slugSchema } from "../../../../../../lib/studies/study-schema";
import "../waves.css";

export const dynamic = "force-dynamic";

export default async function WavePage(props: { params: Promise<{ slug: string; wave: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const p = z.object({ slug: slugSchema, wave: slugSchema }).safeParse(await props.params);
  if (!p.success) notFound();
  const sp = await props.searchParams;
  const saved = sp.saved === "1";
  // After "Open now" or "Close now" (a redirect from the action): what was done.
  const done = sp.done === "opened" ? "The wave is open; invitations are on their way."
    : sp.done === "closed" ? "The wave is closed. Nobody can answer now; waiting invitations and reminders are cancelled." : null;
  const { rt, user } = await staffPage(undefined, `/studies/${p.data.slug}/waves/${p.data.wave}`);
  const d = await getWaveDashboard(rt.db, user, p.data.slug, p.data.wave).catch((e) => {
    if (e instanceof NotFound) notFound();
    throw e;
  });
  const { study, wave, timeZone: tz } = d;
  const base = `/studies/${study.slug}/waves/${wave.slug}`;
  const where = { studySlug: study.slug, waveSlug: wave.slug, timeZone: tz };
  const link = wave.mode === "open_link" ? openLinkUrl(rt.config.publicUrl, study.slug, wave.slug) : null;
  const qr = link ? Buffer.from(await qrCodeSvg(link)).toString("base64") : null;
  return (
    <div className="wave-page">
      {wave.status === "open" && <LiveRefresh seconds={10} />}
      <p><Link href={`/studies/${study.slug}/waves`}>← Waves of {study.name}</Link></p>
      <h1>{wave.name} <span className={`badge ${wave.status}`}>{wave.status}</span></h1>
      {saved && <p className="notice" role="status">The wave is saved.</p>}
      {done && <p className="notice" role="status">{done}</p>}
      <dl className="wave-facts">
        <dt>Opens</dt><dd><StudyTime at={wave.opensAt} timeZone={tz} /></dd>
        <dt>Closes</dt><dd>{wave.closesAt ? <StudyTime at={wave.closesAt} timeZone={tz} /> : "when closed by hand"}</dd>
        <dt>Who answers</dt>
        <dd>
          {wave.mode === "panel"
            ? `The panel with consent to “${consentKindOption(wave.targetRule?.consent ?? "follow_up_surveys").label}”${d.completedWave ? `, who completed ${d.completedWave}` : ""}`
            : "Anyone with the open link"}
        </dd>
        {wave.mode === "panel" && wave.schedule.invitationAt && (<><dt>Invitations</dt><dd><StudyTime at={wave.schedule.invitationAt} timeZone={tz} /></dd></>)}
      </dl>
      {d.targets !== null && (
        <p><strong>{d.targets}</strong> participants match the rule now (consented, not withdrawn, address not bounced).</p>
      )}
      <div className="wave-actions">
        {wave.status === "scheduled" && <Link className="button" href={`${base}/edit`}>Change the wave</Link>}
        {wave.status === "scheduled" && <Link href={`${base}/delete`}>Delete the wave</Link>}
        <WaveControls studySlug={study.slug} waveSlug={wave.slug} status={wave.status} />
      </div>

      {link && qr && (
        <section aria-labelledby="link-heading">
          <h2 id="link-heading">Open link</h2>
          <p><a className="open-link" href={link}>{link}</a> <CopyButton text={link} label="Copy the open link" /></p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL drawn on the server */}
          <img className="qr" src={`data:image/svg+xml;base64,${qr}`} alt={`QR code of ${link}`} width={192} height={192} />
          <p><Link href={`${base}/flyer`}>Printable QR code for flyers</Link> · <a href={`${base}/qr-code`} download>Download the QR code (SVG)</a></p>
        </section>
      )}

      {wave.status === "open" && (
        <section aria-labelledby="extend-heading">
          <h2 id="extend-heading">Extend the wave</h2>
          <UntilForm {...where} kind="extend" initial={wave.closesAt ? instantToWallTime(wave.closesAt, tz) : ""} />
        </section>
      )}
      {wave.status === "closed" && (
        <section aria-labelledby="reopen-heading">
          <h2 id="reopen-heading">Reopen the wave</h2>
          <p>People can answer again until the time you give; nobody is sent a message twice.</p>
          <UntilForm {...where} kind="reopen" initial="" />
        </section>
      )}

      <Fieldwork d={d} />

      {wave.mode === "panel" && wave.status === "open" && (
        <section aria-labelledby="schedule-heading">
          <h2 id="schedule-heading">Invitations and reminders</h2>
          <ScheduleForm {...where} initial={scheduleFormValues(wave.schedule, tz)} running />
        </section>
      )}
      <p><Link href={`/studies/${study.slug}/waves/emails`}>Preview the emails and send yourself a test</Link></p>
    </div>
  );
}
