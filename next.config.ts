import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite's wasm and data files and pg-boss must load from node_modules at run time, not be
  // bundled (otherwise PGlite's files are copied into public static assets).
  serverExternalPackages: ["@electric-sql/pglite", "pg-boss", "exceljs", "nodemailer"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
