// Root layout for researcher and admin screens (respondent pages are plain HTML route handlers).
import type { ReactNode } from "react";
import "./staff.css";

export const metadata = { title: "Panelwave", description: "Longitudinal follow-up surveys" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
