// Sign out: a plain form post to a server action, so it works with scripts off too.
import { signOutAction } from "../signin/actions";

export function SignOutButton() {
  return (
    <form action={signOutAction} className="inline">
      <button type="submit" className="secondary">Sign out</button>
    </form>
  );
}
