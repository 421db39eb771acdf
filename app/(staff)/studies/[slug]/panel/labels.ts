// Words the panel screens show for stored values.
export const INVITATION_STATUS: Record<string, string> = {
  pending: "waiting to be sent", sent: "invited", opened: "opened", started: "started", completed: "completed", bounced: "bounced", opted_out: "opted out",
};

export const consentName = (kind: string) => kind.replace(/_/g, " ");

export const CONSENT_STATE: Record<string, string> = { granted: "granted", withdrawn: "withdrawn", none: "never recorded" };
