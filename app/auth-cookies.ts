// Passes better-auth's Set-Cookie headers on to the response of a server action (sign-in sets the
// session cookie, sign-out clears it), and hands lib/ the request headers with the client address.
import { parseSetCookieHeader, toCookieOptions } from "better-auth/cookies";
import { cookies, headers } from "next/headers";
import { withClientIp } from "../lib/http/client-ip";
import type { Runtime } from "../lib/runtime";

export async function applyAuthCookies(setCookie: string[]): Promise<void> {
  const jar = await cookies();
  for (const header of setCookie) {
    parseSetCookieHeader(header).forEach((c, name) => {
      if (name) jar.set(name, c.value, toCookieOptions(c));
    });
  }
}

/** The request's headers, with the client address lib/http/client-ip.ts derives for limits. */
export async function authRequestHeaders(rt: Runtime): Promise<Headers> {
  return withClientIp(new Headers(await headers()), rt.config.trustProxy);
}
