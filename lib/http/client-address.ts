// The client's address for per-client limits, and the server-side rule that makes it trustworthy.
import { createHmac } from "node:crypto";
import { Server, type IncomingMessage } from "node:http";

const FORWARDED = ["x-forwarded-for", "x-real-ip", "forwarded"];

/**
 * The address a request came from: the last entry of X-Forwarded-For, i.e. the one added by the
 * nearest hop. Without TRUST_PROXY that header is the socket's own address, because
 * `ignoreForwardedHeaders` removed whatever the client sent and Next.js then sets it from the
 * socket; with TRUST_PROXY it is what the trusted proxy appended (a client cannot forge it by
 * sending its own header, which only adds entries further left). Null when absent.
 */
export function clientAddress(headers: Headers): string | null {
  const list = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return list.length ? list[list.length - 1].slice(0, 64) : null;
}

/** A keyed hash of the address: limits are kept per client without storing anyone's address. */
export function clientKey(key: Buffer, address: string | null): string {
  return createHmac("sha256", key).update(`panelwave/client/${address ?? "unknown"}`).digest("base64url").slice(0, 27);
}

let uninstall: (() => void) | null = null;

/**
 * Without TRUST_PROXY, drops forwarded-address headers from every incoming request before Next.js
 * reads it, so the address limits see is the connection's, not one the client typed (Next.js sets
 * X-Forwarded-For from the socket only when it is absent). Installed once per process from
 * instrumentation.ts; with TRUST_PROXY it does nothing. Returns a function that removes it.
 */
export function ignoreForwardedHeaders(trustProxy: boolean): () => void {
  if (trustProxy) return () => {};
  if (uninstall) return uninstall;
  const emit = Server.prototype.emit;
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") for (const h of FORWARDED) delete (args[0] as IncomingMessage).headers[h];
    return (emit as (this: Server, e: string | symbol, ...a: unknown[]) => boolean).call(this, event, ...args);
  } as typeof Server.prototype.emit;
  uninstall = () => {
    Server.prototype.emit = emit;
    uninstall = null;
  };
  return uninstall;
}
