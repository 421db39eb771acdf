// GET /studies/:slug/interviews – interview slots (publish, withdraw), who booked them (by code), what came of each interview, and the hand-over to analysis (classification sheet, REFI-QDA project, Table 2)
import Link from "next/link";
import { z } from "zod";
import { formatDate } from "../../../../../lib/i18n/format-date";
import { studyTimeZone } from "../../../../../lib/i18n/study-time-zone";
import { timeZoneNames } from "../../../../../lib/i18n/time-zones";
import { listInterviewSlots } from "../../../../../lib/recruitment/interview-slots";
import { orNotFound, studyScreen } from "../recruitment/study-screen";
import { SlotForm } from "./slot-form";
import { ContactsToggle, OutcomeForm, WithdrawSlot } from "./slot-actions";

export const dynamic = "force-dynamic";

const MODE = { phone: "Phone", video: "Video", in_person: "In person" } as const;
const DONE = { slot: "Slot published.", withdrawn: "Slot withdrawn.", held: "Recorded as held; the person is now interviewed.", no_show: "Recorded as a no-show; the board moves them to no answer later unless they rebook.", contacts_on: "Researchers on this study now see booked people's email.", contacts_off: "Researchers on this study now see codes only." } as const;

export default async function InterviewsPage(props: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string>> }) {
  const { rt, user, slug } = await studyScreen(props.params, "interviews");
  const done = z.enum(Object.keys(DONE) as [keyof typeof DONE]).optional().catch(undefined).parse((await props.searchParams).done);
  const now = new Date();
  const { study, settings, contacts, slots } = await orNotFound(listInterviewSlots(rt.db, rt.config.personalDataKey, user, slug, now));
  const tz = studyTimeZone(study.settings);
  const when = (d: Date, zone: string) => formatDate(d, "minute", { timeZone: zone });
  return (
    <>
      <p><Link href={`/studies/${slug}/recruitment`}>← Interview recruitment</Link></p>
      <h1>Interviews</h1>
      <p className="muted">
        People invited on the board book a slot through the link in their interview request. Booking moves them to agreed; they can move or cancel
        until {settings.interviewChangeHours} hours before. Reminders go {settings.interviewReminderHours.join(" and ")} hours before.
      </p>
      {done && <p role="status" className="card">{DONE[done]}</p>}
      <h2>Hand over to analysis</h2>
      <p>
        Interviewees (pseudonymous; every download is logged):{" "}
        <a href={`/api/studies/${slug}/interviewees/classification`}>NVivo classification sheet (XLSX)</a> ·{" "}
        <a href={`/api/studies/${slug}/interviewees/qdpx`}>REFI-QDA project (.qdpx)</a> ·{" "}
        <a href={`/api/studies/${slug}/reports/interviewees`}>Table 2 (CSV)</a> · <Link href={`/studies/${slug}/reports#interviewees`}>Table 2 in the app</Link>
      </p>
      <p className="muted">
        {contacts ? "You see the email of each booked person (every view is logged)." : "Booked people are shown by code; an admin can let interviewers see their email."}
        {user.role === "admin" && <> Researchers on this study {settings.interviewersSeeContacts ? "see" : "do not see"} the emails. <ContactsToggle slug={slug} allowed={settings.interviewersSeeContacts} /></>}
      </p>
      <h2>Slots</h2>
      <table className="stack-table">
        <caption className="muted" style={{ textAlign: "left" }}>Slots from a week ago on, times in the study’s zone ({tz})</caption>
        <thead><tr><th>Start ({tz})</th><th>Interviewer</th><th>How</th><th>Booked by</th><th>Actions</th></tr></thead>
        <tbody>
          {slots.map((s) => {
            const mine = s.interviewerId === user.id || user.role === "admin";
            const started = s.startsAt <= now;
            return (
              <tr key={s.id}>
                <td data-label={`Start (${tz})`}>{when(s.startsAt, tz)}<br /><span className="muted">{s.minutes} min{s.timeZone !== tz ? ` · ${when(s.startsAt, s.timeZone)} ${s.timeZone}` : ""}</span></td>
                <td data-label="Interviewer">{s.interviewerName ?? "–"}<br /><span className="muted">{s.languages.join(", ")}</span></td>
                <td data-label="How">{MODE[s.mode]}{s.place ? `: ${s.place}` : ""}</td>
                <td data-label="Booked by">
                  {s.withdrawnAt ? <span className="muted">withdrawn</span> : s.code ? <><code>{s.code}</code>{s.heldAt ? " · held" : s.noShowAt ? " · no-show" : ""}{s.email && <><br /><a href={`mailto:${s.email}`}>{s.email}</a></>}</> : <span className="muted">free</span>}
                </td>
                <td data-label="Actions">
                  {mine && s.bookingId && started && !s.heldAt && !s.noShowAt && <OutcomeForm slug={slug} booking={s.bookingId} code={s.code ?? ""} />}
                  {mine && !s.withdrawnAt && !started && <WithdrawSlot slug={slug} slot={s.id} booked={Boolean(s.bookingId)} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {slots.length === 0 && <p>No slots yet.</p>}
      <section aria-labelledby="new-slot" className="card" style={{ marginTop: "1.5rem" }}>
        <h2 id="new-slot" style={{ marginTop: 0 }}>Publish a slot</h2>
        <p className="muted">You are the interviewer of the slots you publish.</p>
        <SlotForm slug={slug} timeZone={tz} zones={timeZoneNames()} />
      </section>
    </>
  );
}
