// Personal API tokens: shown once, stored as a hash, acting as their user, revocable only by them;
// and the audit trail of what a token exports.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { executeRows } from "../../../db/client";
import { authenticateBearer, createApiToken, listOwnApiTokens, revokeOwnApiToken } from "../../../lib/api/api-token";
import { hashToken } from "../../../lib/crypto/tokens";
import * as me from "../../../app/api/v1/me/route";
import * as studies from "../../../app/api/v1/studies/route";
import * as responses from "../../../app/api/v1/studies/[study]/responses/route";
import { call, json, startApiTest, userWithToken, type ApiTest } from "./helpers";

let a: ApiTest;
beforeAll(async () => {
  a = await startApiTest();
});
afterAll(async () => {
  await a?.close();
});

describe("personal API tokens", () => {
  it("are shown once and stored only as their SHA-256", async () => {
    const { user } = await userWithToken(a.rt, "researcher");
    const created = await createApiToken(a.rt.db, user, { name: "  nightly R  " }, new Date());
    expect(created.token).toMatch(/^pw_[A-Za-z0-9_-]{43}$/);
    expect(created.name).toBe("nightly R");
    const rows = await executeRows<{ token_hash: string }>(a.t.db, sql`select token_hash from api_tokens where id = ${created.id}`);
    expect(rows[0].token_hash).toBe(hashToken(created.token));
    expect(JSON.stringify(await listOwnApiTokens(a.rt.db, user))).not.toContain(created.token);
    await expect(createApiToken(a.rt.db, user, { name: " " }, new Date())).rejects.toMatchObject({ status: 422 });
  });

  it("act as their user (role, studies) and record when they were last used", async () => {
    const r = await userWithToken(a.rt, "researcher");
    const before = (await listOwnApiTokens(a.rt.db, r.user)).find((t) => t.id === r.tokenId)!;
    expect(before.lastUsedAt).toBeNull();
    expect(await json(await call(me.GET, "", { token: r.token }))).toEqual({ id: r.user.id, email: r.user.email, name: r.user.name, role: "researcher" });
    const after = (await listOwnApiTokens(a.rt.db, r.user)).find((t) => t.id === r.tokenId)!;
    expect(after.lastUsedAt).not.toBeNull();
    const admin = await userWithToken(a.rt, "admin");
    await call(studies.POST, "", { token: admin.token, json: { slug: "admins-study", name: "A", languages: ["en"] } });
    expect((await json(await call(studies.GET, "", { token: r.token }))).studies).toEqual([]);
    expect((await json(await call(studies.GET, "", { token: admin.token }))).studies.map((s: { slug: string }) => s.slug)).toContain("admins-study");
  });

  it("can be revoked only by their own user, and then stop working at once", async () => {
    const owner = await userWithToken(a.rt, "researcher");
    const other = await userWithToken(a.rt, "admin");
    await expect(revokeOwnApiToken(a.rt.db, other.user, owner.tokenId, new Date())).rejects.toMatchObject({ status: 404 });
    await expect(authenticateBearer(a.rt.db, `Bearer ${owner.token}`, new Date())).resolves.toMatchObject({ id: owner.user.id });
    await revokeOwnApiToken(a.rt.db, owner.user, owner.tokenId, new Date());
    await expect(authenticateBearer(a.rt.db, `Bearer ${owner.token}`, new Date())).rejects.toMatchObject({ status: 401 });
    await expect(revokeOwnApiToken(a.rt.db, owner.user, owner.tokenId, new Date())).rejects.toMatchObject({ status: 404 });
  });

  it("write every export to the audit log under their user, identified exports apart", async () => {
    const admin = await userWithToken(a.rt, "admin");
    await call(studies.POST, "", { token: admin.token, json: { slug: "audited", name: "Audited", languages: ["en"] } });
    const res = await call(responses.GET, "", { token: admin.token, params: { study: "audited" }, query: { identifiers: "true", format: "csv" } });
    expect(res.status).toBe(200);
    expect((await res.text()).split("\r\n")[0]).toBe("code,email");
    const [row] = await executeRows<{ user_id: string; action: string; details: unknown }>(
      a.t.db, sql`select user_id, action, details from audit_log order by id desc limit 1`);
    expect(row).toMatchObject({ user_id: admin.user.id, action: "export.responses_identified" });
    const details = (typeof row.details === "string" ? JSON.parse(row.details) : row.details) as { filter: Record<string, unknown> };
    expect(details.filter).toMatchObject({ via: "api", identifiers: true, format: "csv" });
  });
});
