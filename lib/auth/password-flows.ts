// The account forms' server side: sign in, ask for a reset link, set a new password, sign out.
// Each validates with the same zod schema as the browser, calls better-auth (whose hooks apply
// the lock-outs) and answers either the Set-Cookie headers to pass on or an AppError whose
// message is safe to show. Nothing here says whether an account exists.
import { z } from "zod";
import { AppError, Forbidden, InvalidInput, Unauthorized } from "../errors/app-error";
import { parseInput } from "../errors/zod-issues";
import type { Auth } from "./create-auth";
import { isLocalPath } from "./local-path";

export const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address").max(320).email("Enter a valid email address"),
  password: z.string().min(1, "Enter your password").max(256, "Passwords are at most 256 characters"),
});
export const resetRequestSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address").max(320).email("Enter a valid email address"),
});
export const newPasswordSchema = z
  .object({
    password: z.string().min(10, "The password needs at least 10 characters").max(256, "Passwords are at most 256 characters"),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords differ" });

export const WRONG_PASSWORD = "The email or password is wrong.";
export const BAD_RESET_LINK = "This reset link is invalid or has expired.";
/** Said to a deactivated account that gave the right password (no one else learns it exists). */
export const DEACTIVATED_MESSAGE = "This account has been deactivated. Ask an admin if you need access again.";

export class TooManyAttempts extends AppError {
  constructor(message: string) {
    super(message, "too_many_attempts", 429);
  }
}

type BetterAuthError = { statusCode?: number; status?: string | number; body?: { code?: string; message?: string } };
const statusOf = (e: unknown) => (e as BetterAuthError)?.statusCode;
const codeOf = (e: unknown) => (e as BetterAuthError)?.body?.code;

/** Maps what better-auth throws to an AppError; anything unexpected is rethrown. */
function mapAuthError(e: unknown, on401: () => AppError): never {
  const status = statusOf(e);
  if (status === 429) throw new TooManyAttempts((e as BetterAuthError).body?.message ?? "Too many attempts. Try again in a few minutes.");
  if (status === 401) throw on401();
  if (status === 400 && codeOf(e) === "INVALID_TOKEN") throw new InvalidInput(BAD_RESET_LINK);
  if (status === 400 && codeOf(e) === "PASSWORD_TOO_SHORT") throw new InvalidInput("Check the password", [{ path: "password", message: "The password needs at least 10 characters" }]);
  if (status === 403 && codeOf(e) === "ACCOUNT_DEACTIVATED") throw new Forbidden(DEACTIVATED_MESSAGE);
  if (status === 400 || status === 403) throw new InvalidInput(WRONG_PASSWORD);
  throw e;
}

const setCookies = (h: Headers | null | undefined) => (h?.get("set-cookie") ? [h.get("set-cookie")!] : []);

/**
 * Signs in with email and password. `headers` are the request's (with the client address set by
 * lib/http/client-ip.ts). Returns the session cookies and where to go next (a local path).
 */
export async function signInWithPassword(auth: Auth, headers: Headers, input: { email: unknown; password: unknown; next?: unknown }) {
  const { email, password } = parseInput(signInSchema, input);
  const next = typeof input.next === "string" && isLocalPath(input.next) ? input.next : "/studies";
  try {
    const r = await auth.api.signInEmail({ body: { email, password }, headers, returnHeaders: true });
    return { setCookie: setCookies(r.headers), next };
  } catch (e) {
    mapAuthError(e, () => new Unauthorized(WRONG_PASSWORD));
  }
}

/** Queues a reset link if the address has an account; answers the same either way. */
export async function requestResetLink(auth: Auth, headers: Headers, input: { email: unknown }): Promise<void> {
  const { email } = parseInput(resetRequestSchema, input);
  try {
    await auth.api.requestPasswordReset({ body: { email, redirectTo: "/reset-password" }, headers });
  } catch (e) {
    mapAuthError(e, () => new InvalidInput("The request failed; try again in a minute."));
  }
}

/** Sets a new password with a reset token; every session of the account ends (create-auth.ts). */
export async function resetWithToken(auth: Auth, headers: Headers, input: { token: unknown; password: unknown; confirm: unknown }): Promise<void> {
  const { password } = parseInput(newPasswordSchema, input);
  const token = typeof input.token === "string" && /^[A-Za-z0-9_-]{8,200}$/.test(input.token) ? input.token : null;
  if (!token) throw new InvalidInput(BAD_RESET_LINK);
  try {
    await auth.api.resetPassword({ body: { newPassword: password, token }, headers });
  } catch (e) {
    mapAuthError(e, () => new InvalidInput(BAD_RESET_LINK));
  }
}

/** Ends the session these headers carry (if any); returns the cookies that clear it. */
export async function signOut(auth: Auth, headers: Headers): Promise<{ setCookie: string[] }> {
  try {
    const r = await auth.api.signOut({ headers, returnHeaders: true });
    return { setCookie: setCookies(r.headers) };
  } catch (e) {
    if (statusOf(e) === 400 || statusOf(e) === 401) return { setCookie: [] };
    throw e;
  }
}
