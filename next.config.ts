import type { NextConfig } from "next";

// No site may frame Panelwave's pages (clickjacking: a hidden staff button or a respondent's
// "leave the study" under a decoy). X-Frame-Options for old browsers, frame-ancestors for the rest.
// Two paths answer differently, each in its own handler:
// - the respondent routes (/s, /j, /u) send a whole Content-Security-Policy of their own
//   (lib/respondent/to-response.ts, frame-ancestors 'none' included), which a CSP here would
//   replace: Next keeps a header set here over the same header from a route handler;
// - the instrument preview frame, which the app's own version and preview pages frame: SAMEORIGIN.
const NOT_RESPONDENT_OR_PREVIEW_FRAME = "/:path((?!s/|j/|u/|studies/[^/]+/instruments/[^/]+/frame$).*)";

const nextConfig: NextConfig = {
  // PGlite's wasm and data files and pg-boss must load from node_modules at run time, not be
  // bundled (otherwise PGlite's files are copied into public static assets).
  serverExternalPackages: ["@electric-sql/pglite", "pg-boss", "exceljs", "nodemailer", "smtp-server"],
  poweredByHeader: false,
  // HTTP_COMPRESSION=0 when a reverse proxy compresses (README, "Behind a reverse proxy");
  // scripts/server.mjs does the same for the respondent pages it serves itself.
  compress: (process.env.HTTP_COMPRESSION ?? "").trim() !== "0",
  typedRoutes: false,
  async headers() {
    return [
      {
        source: NOT_RESPONDENT_OR_PREVIEW_FRAME,
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
        ],
      },
      // Respondent paths: only X-Frame-Options here, so that pages Next renders itself there (a 404)
      // are covered too; the handlers' own CSP says frame-ancestors 'none'.
      { source: "/:area(s|j|u)/:path*", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
    ];
  },
};

export default nextConfig;
