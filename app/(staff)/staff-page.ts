// Shared by every staff page: the runtime and the signed-in user, checked on the server.
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { currentUser, type StaffUser } from "../../lib/auth/current-user";
import { isLocalPath } from "../../lib/auth/local-path";
import { NotFound } from "../../lib/errors/app-error";
import { getRuntime, type Runtime } from "../../lib/runtime";

/** Redirects to sign-in without a session; answers 404 for a role that may not see the page. */
export async function staffPage(roles: StaffUser["role"][] = ["admin", "researcher"], path = "/studies") {
  const rt: Runtime = await getRuntime();
  const h = await headers();
  const user = await currentUser(rt, h);
  if (!user) {
    // proxy.ts passes the path and query asked for; back there after signing in.
    const asked = h.get("x-panelwave-path");
    redirect(`/signin?next=${encodeURIComponent(asked && isLocalPath(asked) ? asked : path)}`);
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
