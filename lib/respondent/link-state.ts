import type { InvitationContext } from "../../db/queries/invitations";
import type { StatusKind } from "./render/status-page";

/** Whether a wave can be answered now; the wave's times count even before the scheduler runs. */
export function waveAvailability(
  w: { waveStatus: string; opensAt: Date | null; closesAt: Date | null },
  now: Date,
): "open" | "not_open" | "closed" {
  if (w.waveStatus === "closed" || (w.closesAt && now >= w.closesAt)) return "closed";
  if (w.waveStatus !== "open" || (w.opensAt && now < w.opensAt)) return "not_open";
  return "open";
}

/** The calm status page a link leads to instead of the survey, or null when it can be answered. */
export function linkStatus(ctx: InvitationContext, now: Date): StatusKind | null {
  // Opting out of email (unsubscribe) keeps survey access; only a full withdrawal closes the link.
  if (ctx.withdrawnAt) return "withdrawn";
  if (ctx.invitationStatus === "completed") return "completed";
  const a = waveAvailability(ctx, now);
  return a === "open" ? null : a;
}
