// A wide table in a box that scrolls sideways on a phone; focusable so keyboard users can scroll it.
import type { ReactNode } from "react";

export function ScrollBox(props: { label: string; children: ReactNode }) {
  return (
    <div className="inst-scroll" role="region" aria-label={props.label} tabIndex={0}>
      {props.children}
    </div>
  );
}
