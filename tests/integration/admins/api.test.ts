// The user-management operations of /api/v1 (admins only), checked against the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as audit from "../../../app/api/v1/audit/route";
import * as members from "../../../app/api/v1/studies/[study]/members/[user]/route";
import * as oneUser from "../../../app/api/v1/users/[user]/route";
import * as users from "../../../app/api/v1/users/route";
import { insertStudy } from "../../../db/queries/seed";
import { authenticateBearer } from "../../../lib/api/api-token";
import { call, json, startApiTest, userWithToken, type ApiTest } from "../api/helpers";

let a: ApiTest;
beforeAll(async () => {
  a = await startApiTest();
});
afterAll(async () => {
  await a?.close();
});

describe("users through the API", () => {
  it("invites, lists, changes the role, deactivates, manages memberships and reads the audit log", async () => {
    const admin = await userWithToken(a.rt, "admin");
    const researcher = await userWithToken(a.rt, "researcher");
    await insertStudy(a.t.db, { slug: "api-members", name: "API members", languages: ["en"], defaultLanguage: "en" });

    const invited = await json(await call(users.POST, "", { token: admin.token, json: { email: "api.invited@example.org", name: "API Invited", role: "researcher" } }));
    expect(invited).toMatchObject({ email: "api.invited@example.org", role: "researcher", status: "invited" });
    expect((await call(users.POST, "", { token: admin.token, json: { email: "api.invited@example.org", name: "Again", role: "researcher" } })).status).toBe(422);
    expect((await call(users.POST, "", { token: researcher.token, json: { email: "x@example.org", name: "X", role: "admin" } })).status).toBe(403);

    const list = await json(await call(users.GET, "", { token: admin.token }));
    expect(list.users.map((u: { email: string }) => u.email)).toContain("api.invited@example.org");

    const promoted = await json(await call(oneUser.PATCH, "", { token: admin.token, params: { user: researcher.user.id }, json: { role: "admin" } }));
    expect(promoted).toMatchObject({ role: "admin", status: "active" });
    expect((await call(oneUser.PATCH, "", { token: admin.token, params: { user: admin.user.id }, json: { active: false } })).status).toBe(422);
    expect((await call(oneUser.PATCH, "", { token: admin.token, params: { user: researcher.user.id }, json: {} })).status).toBe(422);

    expect(await json(await call(members.PUT, "", { token: admin.token, params: { study: "api-members", user: invited.id } }))).toEqual({ study: "api-members", user: invited.id, member: true });
    expect(await json(await call(members.DELETE, "", { token: admin.token, params: { study: "api-members", user: invited.id } }))).toEqual({ study: "api-members", user: invited.id, member: false });

    const off = await json(await call(oneUser.PATCH, "", { token: admin.token, params: { user: researcher.user.id }, json: { active: false, role: "researcher" } }));
    expect(off).toMatchObject({ role: "researcher", status: "deactivated" });
    await expect(authenticateBearer(a.t.db, `Bearer ${researcher.token}`, new Date())).rejects.toMatchObject({ status: 401 });

    const log = await json(await call(audit.GET, "", { token: admin.token, query: { user: admin.user.id } }));
    expect(log.entries.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(["user.invited", "user.role_changed", "study.member_added", "study.member_removed", "user.deactivated"]));
    expect((await call(audit.GET, "", { token: admin.token, query: { from: "2030-02-01", to: "2030-01-01" } })).status).toBe(422);
  });
});
