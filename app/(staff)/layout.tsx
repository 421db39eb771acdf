// Layout of researcher and admin screens: a skip link, the top navigation (current page marked),
// who is signed in. Each page checks its own access.
import type { ReactNode } from "react";
import { headers } from "next/headers";
import Link from "next/link";
import { MainNav, type NavItem } from "./main-nav";
import { SignOutButton } from "./sign-out-button";
import { staffSession } from "./staff-page";

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const { user } = await staffSession(await headers());
  const items: NavItem[] = [
    { href: "/studies", label: "Studies" },
    ...(user?.role === "admin" ? [{ href: "/admin", label: "Admin" }] : []),
    { href: "/api-docs", label: "API" },
    ...(user ? [{ href: "/account", label: "Account" }] : []),
  ];
  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="top">
        <Link className="brand" href="/studies">Panelwave</Link>
        <MainNav items={items} />
        {user && (
          <span className="who">
            <span className="muted">{user.email} ({user.role})</span> <SignOutButton />
          </span>
        )}
      </header>
      {/* tabIndex -1: the skip link moves keyboard focus here, not only the scroll position. */}
      <main id="main" tabIndex={-1}>{children}</main>
    </>
  );
}
