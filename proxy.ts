// Runs before the staff screens: hands the page the path and query it was asked for, so that
// a sign-in redirect returns to exactly that view (a report's chosen question, a board filter).
import { NextResponse, type NextRequest } from "next/server";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-panelwave-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/studies/:path*", "/admin/:path*", "/account", "/api-docs"] };
