import type { Auth } from "./create-auth";
import { Forbidden, Unauthorized } from "../errors/app-error";

/** What the session lookups need of the composed runtime (lib/runtime.ts): only its auth. */
type WithAuth = { auth: Auth };

export type StaffUser = { id: string; email: string; name: string; role: "admin" | "researcher" };

/** The signed-in researcher or admin for these request headers, or null. */
export async function currentUser(rt: WithAuth, headers: Headers): Promise<StaffUser | null> {
  const session = await rt.auth.api.getSession({ headers });
  if (!session) return null;
  const u = session.user as { id: string; email: string; name: string; role?: string; deactivatedAt?: Date | null };
  // Deactivation deletes the sessions; this guards a session created in the same instant.
  if (u.deactivatedAt) return null;
  return { id: u.id, email: u.email, name: u.name, role: u.role === "admin" ? "admin" : "researcher" };
}

/** Throws Unauthorized without a session and Forbidden when the role is not allowed. */
export async function requireUser(
  rt: WithAuth,
  headers: Headers,
  roles: StaffUser["role"][] = ["admin", "researcher"],
): Promise<StaffUser> {
  const user = await currentUser(rt, headers);
  if (!user) throw new Unauthorized();
  if (!roles.includes(user.role)) throw new Forbidden();
  return user;
}
