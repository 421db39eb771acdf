// The account screen's 404: a token that is not (or no longer) the signed-in user's, or a form
// sent after the session ended.
import Link from "next/link";

export default function AccountNotFound() {
  return (
    <>
      <h1>Token not found</h1>
      <p>That token is not one of yours, it was already revoked, or your session has ended.</p>
      <p><Link href="/account">Back to your account</Link> · <Link href="/signin?next=/account">Sign in again</Link></p>
    </>
  );
}
