"use client";
// A form that posts to a server action: a plain POST when scripts are off; with scripts on, the
// fields are checked in the browser first (react-hook-form's handleSubmit) and the same FormData
// is then sent to the action. The account forms (sign in, forgot, reset) use it.
import { type FormEvent, type ReactNode, startTransition, useRef } from "react";

type Check = (onValid: () => void) => (e: FormEvent) => Promise<void>;

export function ActionForm(props: { action: (data: FormData) => void; check: Check; label: string; children: ReactNode; id?: string }) {
  const form = useRef<HTMLFormElement>(null);
  return (
    <form
      ref={form}
      id={props.id}
      action={props.action}
      onSubmit={(e) => {
        e.preventDefault();
        // The button that was pressed names its value as in a plain POST (e.g. "Send now").
        const submitter = (e.nativeEvent as SubmitEvent).submitter;
        void props.check(() => startTransition(() => props.action(new FormData(form.current!, submitter))))(e);
      }}
      className="stack"
      noValidate
      aria-label={props.label}
    >
      {props.children}
    </form>
  );
}
