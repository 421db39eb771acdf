// A page on someone's own localhost must not be able to post sign-ins to a production server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppAuth } from "../../../lib/runtime";
import { createUser } from "../../../lib/auth/create-user";
import { loadConfig } from "../../../lib/config/load-config";
import { CLIENT_IP_HEADER } from "../../../lib/http/client-ip";
import { createTestDb, testKey, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await createUser(t.db, { email: "origin@example.org", password: "the right password", name: "O", role: "researcher" });
});
afterAll(async () => {
  await t?.drop();
});

let n = 0;
const signInFrom = (publicUrl: string, origin: string) => {
  const auth = createAppAuth(t.db, loadConfig({ PERSONAL_DATA_KEY: testKey.toString("base64"), PUBLIC_URL: publicUrl }));
  return auth.handler(new Request(`${publicUrl}/api/auth/sign-in/email`, {
    method: "POST",
    // A new client address each time, so better-auth's per-address limit stays out of the way.
    headers: { "content-type": "application/json", [CLIENT_IP_HEADER]: `192.0.2.${++n}`, origin, "sec-fetch-site": "cross-site", "sec-fetch-mode": "cors", "sec-fetch-dest": "empty" },
    body: JSON.stringify({ email: "origin@example.org", password: "the right password" }),
  }));
};

describe("trusted origins", () => {
  it("refuses a sign-in posted from localhost when PUBLIC_URL is a real address", async () => {
    expect((await signInFrom("https://survey.example.org", "http://localhost:5555")).status).toBe(403);
    expect((await signInFrom("https://survey.example.org", "http://127.0.0.1:8000")).status).toBe(403);
    expect((await signInFrom("https://survey.example.org", "https://survey.example.org")).status).toBe(200);
  });

  it("accepts any localhost port when PUBLIC_URL is localhost (the demo)", async () => {
    expect((await signInFrom("http://localhost:3000", "http://127.0.0.1:3001")).status).toBe(200);
  });
});
