// How a user's account stands, in words: deactivated, invited (no password yet) or active.
export function userStatus(u: { deactivatedAt: Date | null; hasPassword: boolean }): string {
  if (u.deactivatedAt) return "Deactivated";
  return u.hasPassword ? "Active" : "Invited (no password yet)";
}
