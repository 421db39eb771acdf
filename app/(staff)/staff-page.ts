// Shared by every staff page: the runtime and the signed-in user, checked on the server.
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { currentUser, type StaffUser } from "../../lib/auth/current-user";
import { getRuntime, type Runtime } from "../../lib/runtime";

/** Redirects to sign-in without a session; answers 404 for a role that may not see the page. */
export async function staffPage(roles: StaffUser["role"][] = ["admin", "researcher"], path = "/studies") {
  const rt: Runtime = await getRuntime();
  const user = await currentUser(rt, await headers());
  if (!user) redirect(`/signin?next=${encodeURIComponent(path)}`);
  if (!roles.includes(user.role)) notFound();
  return { rt, user };
}
