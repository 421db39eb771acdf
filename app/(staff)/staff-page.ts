// Shared by every staff page: the runtime and the signed-in user, checked on the server.
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { currentUser, type StaffUser } from "../../lib/auth/current-user";
import { isLocalPath } from "../../lib/auth/local-path";
import { NotFound } from "../../lib/errors/app-error";
import { asServiceUnavailable } from "../../lib/errors/unavailable";
import { getRuntime, type Runtime } from "../../lib/runtime";

/** The path and query asked for (proxy.ts passes it), if it is a path on this site. */
function askedPath(h: Headers): string | null {
  const asked = h.get("x-panelwave-path");
  return asked && isLocalPath(asked) ? asked : null;
}

/**
 * The runtime and the signed-in user; while the database cannot be reached, the browser goes to
 * /unavailable (503, Retry-After, a link back here) instead of an error page.
 */
export async function staffSession(h: Headers, path = "/studies"): Promise<{ rt: Runtime; user: StaffUser | null }> {
  try {
    const rt = await getRuntime();
    return { rt, user: await currentUser(rt, h) };
  } catch (err) {
    if (asServiceUnavailable(err)) redirect(`/unavailable?next=${encodeURIComponent(askedPath(h) ?? path)}`);
    throw err;
  }
}

/** Redirects to sign-in without a session; answers 404 for a role that may not see the page. */
export async function staffPage(roles: StaffUser["role"][] = ["admin", "researcher"], path = "/studies") {
  const h = await headers();
  const { rt, user } = await staffSession(h, path);
  if (!user) {
    // proxy.ts passes the path and query asked for; back there after signing in.
    redirect(`/signin?next=${encodeURIComponent(askedPath(h) ?? path)}`);
  }
  if (!roles.includes(user.role)) notFound();
  return { rt, user };
}

/** Runs a lib call; NotFound (or a study the user may not see) becomes the 404 page. */
export async function orNotFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof NotFound) notFound();
    throw e;
  }
}
