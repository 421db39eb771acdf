"use client";
// "Print" for the officer's file (the page prints without navigation through the print CSS).
export function PrintButton() {
  return <button type="button" className="secondary" onClick={() => window.print()}>Print this page</button>;
}
