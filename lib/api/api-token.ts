// Personal API tokens: created and revoked by their user, shown once, stored as SHA-256, acting
// as their user (same role, same studies) on /api/v1.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "../../db/client";
import { findTokenUser, insertApiToken, listApiTokens, revokeApiToken, touchApiToken } from "../../db/queries/users";
import { transaction } from "../../db/transaction";
import { recordAudit } from "../audit/record-audit";
import type { StaffUser } from "../auth/current-user";
import { hashToken } from "../crypto/tokens";
import { NotFound, Unauthorized } from "../errors/app-error";
import { parseInput } from "../errors/zod-issues";

/** "pw_" marks a Panelwave token for secret scanners; 256 random bits follow, base64url. */
export const TOKEN_PREFIX = "pw_";
const TOKEN_RE = /^pw_[A-Za-z0-9_-]{43}$/;

export const newTokenSchema = z.object({
  name: z.string().trim().min(1, "Give the token a name, e.g. the script that uses it").max(100, "Keep the name under 100 characters"),
});
export type NewToken = z.input<typeof newTokenSchema>;

/**
 * Creates a token for the signed-in user and returns it in full: the only time it is seen. Only
 * its hash is stored. Anyone signed in may create tokens for themselves.
 */
export async function createApiToken(db: Db, user: StaffUser, input: NewToken, now: Date) {
  const { name } = parseInput(newTokenSchema, input);
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await transaction(db, async (tx) => {
    const r = await insertApiToken(tx, { userId: user.id, name, tokenHash: hashToken(token), now });
    await recordAudit(tx, user, { studyId: null, action: "api_token.created", target: name, filter: {}, rowCount: null, outcome: { tokenId: r.id } }, now);
    return r;
  });
  return { ...row, token };
}

/** The user's own tokens (never the token itself: it is not stored). */
export function listOwnApiTokens(db: Db, user: StaffUser) {
  return listApiTokens(db, user.id);
}

/** Revokes one of the user's own tokens at once; another user's token answers NotFound. */
export async function revokeOwnApiToken(db: Db, user: StaffUser, id: string, now: Date): Promise<void> {
  if (!z.uuid().safeParse(id).success) throw new NotFound("Token not found");
  await transaction(db, async (tx) => {
    if (!(await revokeApiToken(tx, user.id, id, now))) throw new NotFound("Token not found");
    await recordAudit(tx, user, { studyId: null, action: "api_token.revoked", target: null, filter: {}, rowCount: null, outcome: { tokenId: id } }, now);
  });
}

/**
 * The user an `Authorization: Bearer <token>` header stands for. Unauthorized for a missing,
 * malformed, unknown or revoked token (one message for all: nothing is revealed). Records the
 * last use at most once a minute.
 */
export async function authenticateBearer(db: Db, authorization: string | null, now: Date): Promise<StaffUser & { tokenId: string }> {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!m) throw new Unauthorized("Send a personal API token: Authorization: Bearer <token>");
  if (!TOKEN_RE.test(m[1])) throw new Unauthorized("The API token is not valid or has been revoked");
  const row = await findTokenUser(db, hashToken(m[1]));
  if (!row) throw new Unauthorized("The API token is not valid or has been revoked");
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await touchApiToken(db, row.tokenId, now, new Date(now.getTime() - 60_000));
  }
  return { id: row.id, email: row.email, name: row.name, role: row.role === "admin" ? "admin" : "researcher", tokenId: row.tokenId };
}
