"use client";
// The staff header's links, with the current one marked (aria-current) for screen readers and by
// its look. A client component because the layout stays mounted while the path changes.
import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavItem = { href: string; label: string };

/** "page" on the link's own page, "true" anywhere below it (a study under Studies), else none. */
export function currentFor(pathname: string, href: string): "page" | "true" | undefined {
  if (pathname === href) return "page";
  return pathname.startsWith(`${href}/`) ? "true" : undefined;
}

export function MainNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label="Main">
      {items.map((i) => (
        <Link key={i.href} href={i.href} aria-current={currentFor(pathname, i.href)}>{i.label}</Link>
      ))}
    </nav>
  );
}
