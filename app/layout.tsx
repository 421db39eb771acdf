// Root layout for researcher and admin screens (respondent pages are plain HTML route handlers).
import type { ReactNode } from "react";
import "./staff.css";

// No favicon file: an empty data URL spares every page a request that would only 404.
export const metadata = { title: "Panelwave", description: "Longitudinal follow-up surveys", icons: { icon: "data:," } };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
