// GET / – sends signed-in staff to their studies and everyone else to sign in.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { currentUser } from "../lib/auth/current-user";
import { getRuntime } from "../lib/runtime";

export const dynamic = "force-dynamic";

export default async function Home() {
  const rt = await getRuntime();
  const user = await currentUser(rt, await headers());
  redirect(user ? "/studies" : "/signin");
}
