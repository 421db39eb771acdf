"use client";
// Invites a researcher or admin by email: a plain POST to a server action (works with scripts
// off), checked in the browser first when it can.
import { zodResolver } from "@hookform/resolvers/zod";
import { useActionState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { inviteSchema } from "../../../../lib/users/user-schemas";
import { ActionForm } from "../../../components/action-form";
import { ErrorSummary, issueFor, summaryItems } from "../../../components/error-summary";
import { inviteAction, type UserFormState } from "./actions";

type Values = z.input<typeof inviteSchema>;

export function InviteForm() {
  const [state, action, pending] = useActionState<UserFormState, FormData>(inviteAction, { ok: null });
  const { register, handleSubmit, formState } = useForm<Values>({ resolver: zodResolver(inviteSchema), defaultValues: { role: "researcher", ...state.values } });
  const failed = state.ok === false ? state : null;
  const email = formState.errors.email?.message ?? issueFor(failed, "email");
  const name = formState.errors.name?.message ?? issueFor(failed, "name");
  const role = formState.errors.role?.message ?? issueFor(failed, "role");
  return (
    <ActionForm action={action} check={(ok) => handleSubmit(ok)} label="Invite a user">
      <ErrorSummary items={summaryItems(failed, { "invite-email": email, "invite-name": name, "invite-role": role })} focusOn={[formState.submitCount, state]} />
      {state.ok === true && <p role="status">{state.value}</p>}
      <div>
        <label htmlFor="invite-email">Email</label>
        <input id="invite-email" type="email" autoComplete="off" defaultValue={state.values?.email} aria-invalid={!!email} aria-describedby={email ? "invite-email-error" : undefined} {...register("email")} />
        {email && <p id="invite-email-error" className="field-error">{email}</p>}
      </div>
      <div>
        <label htmlFor="invite-name">Name</label>
        <input id="invite-name" autoComplete="off" defaultValue={state.values?.name} aria-invalid={!!name} aria-describedby={name ? "invite-name-error" : undefined} {...register("name")} />
        {name && <p id="invite-name-error" className="field-error">{name}</p>}
      </div>
      <div>
        <label htmlFor="invite-role">Role</label>
        <select id="invite-role" aria-invalid={!!role} aria-describedby={role ? "invite-role-error" : "invite-role-hint"} {...register("role")}>
          <option value="researcher">Researcher: the studies they are added to</option>
          <option value="admin">Admin: every study, personal data, users</option>
        </select>
        {role ? <p id="invite-role-error" className="field-error">{role}</p> : <p id="invite-role-hint" className="muted">You can change the role later.</p>}
      </div>
      <div>
        <button type="submit" disabled={pending}>Send the invitation</button>
      </div>
    </ActionForm>
  );
}
