// Layout of researcher and admin screens: top navigation. Each page checks its own access.
import type { ReactNode } from "react";
import { headers } from "next/headers";
import Link from "next/link";
import { SignOutButton } from "./sign-out-button";
import { staffSession } from "./staff-page";

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const { user } = await staffSession(await headers());
  return (
    <>
      <header className="top">
        <Link className="brand" href="/studies">Panelwave</Link>
        <nav aria-label="Main">
          <Link href="/studies">Studies</Link>
          {user?.role === "admin" && <Link href="/admin">Admin</Link>}
          <Link href="/api-docs">API</Link>
          {user && <Link href="/account">Account</Link>}
        </nav>
        {user && (
          <span className="muted">
            {user.email} ({user.role}) <SignOutButton />
          </span>
        )}
      </header>
      <main>{children}</main>
    </>
  );
}
