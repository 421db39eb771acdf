import { describe, expect, it } from "vitest";
import type { ClaimedMessage, DeliveryRow } from "../../../db/queries/outbox";
import { decideDelivery } from "../../../lib/mail/decide-delivery";

const now = new Date("2023-09-10T10:00:00Z");
const msg = (m: Partial<ClaimedMessage> = {}): ClaimedMessage => ({
  id: 1, studyId: "s", waveId: "w", participantId: "p", userId: null, kind: "reminder", number: 1, template: "reminder",
  language: "uk", data: { consentKind: "follow_up_surveys" }, attempts: 0, lockedUntil: now, ...m,
});
const ctx = (c: Partial<DeliveryRow> = {}): DeliveryRow => ({
  id: 1, emailEncrypted: "v1.x", emailHash: "h", pointState: null, contactLanguage: "uk", answeredLanguage: null, answeredAt: null, chosenLanguage: null, chosenLanguageAt: null, linkRequestOpen: null, bouncedAt: null, participantExists: true, withdrawnAt: null,
  invitationId: "i", invitationStatus: "sent", waveStatus: "open", waveClosesAt: new Date("2023-10-01T00:00:00Z"),
  waveSchedule: { remindIf: "not_completed" }, studyName: "S", contactName: null, contactEmail: null, studySettings: {}, studyTexts: {}, studyDefaultLanguage: "uk",
  responseStatus: null, consentGranted: true, userEmail: null, userName: null, bookingSequence: null, bookingCancelled: null, ...c,
});

describe("deciding at send time", () => {
  it.each<[string, Partial<ClaimedMessage>, Partial<DeliveryRow>, string | null]>([
    ["a due reminder goes", {}, {}, null],
    ["erased contact", {}, { emailEncrypted: null }, "erased"],
    ["bounced address", {}, { bouncedAt: now }, "bounced"],
    ["withdrawn participant", {}, { withdrawnAt: now }, "withdrew"],
    ["consent withdrawn since queueing", {}, { consentGranted: false }, "consent"],
    ["no consent row at all", {}, { consentGranted: null }, "consent"],
    ["wave closed", {}, { waveStatus: "closed" }, "closed"],
    ["closing time passed", {}, { waveClosesAt: new Date("2023-09-10T09:00:00Z") }, "closed"],
    ["invitation opted out", {}, { invitationStatus: "opted_out" }, "opted_out"],
    ["already completed", {}, { responseStatus: "completed" }, "completed"],
    ["started, reminding only those not started", {}, { responseStatus: "started", waveSchedule: { remindIf: "not_started" } }, "started"],
    ["started, reminding those not completed", {}, { responseStatus: "started" }, null],
    ["interview reminder of the booking as it is", { kind: "interview_reminder", waveId: null, data: { bookingId: "b", sequence: 1 } }, { bookingSequence: 1, bookingCancelled: false }, null],
    ["interview reminder after a reschedule", { kind: "interview_reminder", waveId: null, data: { bookingId: "b", sequence: 0 } }, { bookingSequence: 1, bookingCancelled: false }, "moved"],
    ["interview reminder after a cancellation", { kind: "interview_reminder", waveId: null, data: { bookingId: "b", sequence: 1 } }, { bookingSequence: 1, bookingCancelled: true }, "cancelled"],
    ["withdrawal confirmation to a withdrawn person", { kind: "withdrawal_confirmation", waveId: null, data: {} }, { withdrawnAt: now, consentGranted: false }, null],
    ["staff mail to an existing user", { participantId: null, userId: "u", kind: "test", data: { test: true } }, { userEmail: "r@x.org", emailEncrypted: null }, null],
    ["a confirmation link to an unconfirmed point", { kind: "contact_confirmation", waveId: null, data: { contactPointId: "cp" } }, { pointState: "unconfirmed" }, null],
    ["a confirmation link to a point since confirmed", { kind: "contact_confirmation", waveId: null, data: { contactPointId: "cp" } }, { pointState: "confirmed" }, "contact point is confirmed"],
    ["lost links to a bounced point", { kind: "lost_links", waveId: null, data: { contactPointId: "cp" } }, { pointState: "bounced" }, "contact point is bounced"],
    ["a point erased since queueing", { kind: "lost_links", waveId: null, data: { contactPointId: "cp" } }, { emailEncrypted: null, pointState: null }, "removed or erased"],
    ["staff mail to a deleted user", { participantId: null, userId: "u", kind: "test", data: {} }, { userEmail: null }, "staff user"],
  ])("%s", (_name, m, c, reason) => {
    const d = decideDelivery(msg(m), ctx(c), now);
    if (reason === null) expect(d).toEqual({ send: true });
    else {
      expect(d.send).toBe(false);
      expect(d.send === false && d.reason).toContain(reason);
    }
  });

  it("cancels a message whose row has gone", () => {
    expect(decideDelivery(msg(), undefined, now).send).toBe(false);
  });
});
