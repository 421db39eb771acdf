import { describe, expect, it } from "vitest";
import { classifySendError, refusalStatus, retryDelayMs } from "../../../lib/mail/smtp-errors";

describe("classifying a failed send", () => {
  it.each([
    ["connection refused", { code: "ESOCKET", message: "connect ECONNREFUSED 127.0.0.1:2525" }, "retry", true],
    ["connection timeout", { code: "ETIMEDOUT", message: "Connection timeout" }, "retry", true],
    ["server busy at greeting", { code: "EPROTOCOL", responseCode: 421, command: "CONN", response: "421 Service not available" }, "retry", true],
    ["greylisting at RCPT", { code: "EENVELOPE", responseCode: 451, command: "RCPT TO", response: "451 4.7.1 Greylisted" }, "retry", false],
    ["mailbox full (4xx)", { code: "EMESSAGE", responseCode: 452, command: "DATA", response: "452 4.2.2 Mailbox full" }, "retry", false],
    ["unknown user at RCPT", { code: "EENVELOPE", responseCode: 550, command: "RCPT TO", response: "550 5.1.1 No such user" }, "bounce", false],
    ["unknown user after DATA", { code: "EMESSAGE", responseCode: 550, command: "DATA", response: "550 5.1.1 User unknown" }, "bounce", false],
    ["policy rejection of the message", { code: "EMESSAGE", responseCode: 554, command: "DATA", response: "554 5.7.1 Message rejected" }, "fail", false],
    ["bad credentials", { code: "EAUTH", responseCode: 535, command: "AUTH PLAIN", response: "535 5.7.8 Bad credentials" }, "retry", true],
    ["an unknown error", { message: "something odd" }, "retry", false],
  ])("%s", (_name, err, outcome, connection) => {
    const f = classifySendError(err);
    expect(f.outcome).toBe(outcome);
    expect(f.connection).toBe(connection);
  });

  it("backs off exponentially from one minute, capped at six hours", () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 2, 4, 8]);
    expect(retryDelayMs(30)).toBe(6 * 3600_000);
  });

  it("reads a refusal's enhanced status code for the bounce record, else its class", () => {
    expect(refusalStatus({ responseCode: 550, response: "550 5.1.1 <x@y.example>: User unknown" })).toBe("5.1.1");
    expect(refusalStatus({ responseCode: 554, response: "554 Transaction failed" })).toBe("5.0.0");
    expect(refusalStatus({})).toBe("5.0.0");
  });
});
