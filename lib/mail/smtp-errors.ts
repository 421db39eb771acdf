// How a failed send is handled: retry later, the address bounced, or this message cannot go.
// Pure; see docs/outbox.md for the table.

export type SendFailure = {
  outcome: "retry" | "bounce" | "fail";
  /** The server could not be reached or refused the session: stop the batch, try later. */
  connection: boolean;
  message: string;
};

const CONNECTION_CODES = new Set([
  "ECONNECTION", "ESOCKET", "ETIMEDOUT", "ECONNREFUSED", "ECONNRESET", "EPIPE", "EDNS", "EAUTH", "ETLS", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN",
]);

export function classifySendError(err: unknown): SendFailure {
  const e = (err ?? {}) as { code?: string; responseCode?: number; command?: string; response?: string; message?: string };
  const code = typeof e.responseCode === "number" ? e.responseCode : null;
  const message = [e.code, code, e.command, e.response || e.message].filter((x) => x !== undefined && x !== null && x !== "").join(" ");
  if (code !== null && code >= 500 && code < 600) {
    // Authentication is a configuration problem, not the recipient's: keep the mail, retry later.
    if (e.code === "EAUTH" || e.command === "AUTH PLAIN" || e.command === "AUTH LOGIN" || e.command?.startsWith("AUTH")) {
      return { outcome: "retry", connection: true, message };
    }
    const enhanced = /\b5\.(\d)\.\d+\b/.exec(e.response ?? "")?.[1];
    if (e.command === "RCPT TO" || enhanced === "1" || enhanced === "2") return { outcome: "bounce", connection: false, message };
    return { outcome: "fail", connection: false, message };
  }
  if (code !== null && code >= 400 && code < 500) {
    // 421 and greeting-time refusals mean the server is not taking mail now, from anyone.
    return { outcome: "retry", connection: code === 421 || e.command === "CONN" || e.command === "GREETING", message };
  }
  if (e.code && CONNECTION_CODES.has(e.code)) return { outcome: "retry", connection: true, message };
  if (e.code === "EENVELOPE" || e.code === "EMESSAGE") return { outcome: "fail", connection: false, message };
  return { outcome: "retry", connection: false, message: message || String(err) };
}

/** The enhanced status code of a refusal ("5.1.1"), else its basic code's class ("5.0.0"). Pure. */
export function refusalStatus(err: unknown): string {
  const e = (err ?? {}) as { responseCode?: number; response?: string };
  const enhanced = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/.exec(e.response ?? "");
  if (enhanced) return `${enhanced[1]}.${enhanced[2]}.${enhanced[3]}`;
  return typeof e.responseCode === "number" ? `${String(e.responseCode)[0]}.0.0` : "5.0.0";
}

/** Wait before attempt n+1 after n failed attempts: 1 min, 2, 4, … capped at 6 h. Pure. */
export function retryDelayMs(attempts: number, baseMs = 60_000, capMs = 6 * 3600_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempts - 1));
}
