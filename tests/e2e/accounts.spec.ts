// The account forms with JavaScript off (or before it loads): sign-in, sign-out, the reset
// request and the new-password form are plain POSTs, and a password never appears in a URL.
import { expect, test, type Page } from "@playwright/test";
import { ADMIN } from "./helpers";

test.use({ javaScriptEnabled: false });

/** Every URL the page asks for, to check that no password travels in one. */
function recordUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  return urls;
}

test("signs in and out with scripts off, the password only in a POST body", async ({ page }) => {
  const urls = recordUrls(page);
  const posts: { url: string; body: string }[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push({ url: r.url(), body: r.postData() ?? "" });
  });
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin\?next=%2Faccount$/);
  await expect(page.locator('form[aria-label="Sign in"]')).toHaveAttribute("method", /^post$/i);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();

  const secret = encodeURIComponent(ADMIN.password);
  expect(urls.filter((u) => u.includes(secret) || u.includes(ADMIN.password.replace(/ /g, "+")) || /[?&]password=/.test(u))).toEqual([]);
  expect(posts.some((p) => p.url.includes("/signin") && p.body.includes(ADMIN.password))).toBe(true);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin\?next=%2Faccount$/);
});

test("a wrong password is answered on the page with the email kept, and says nothing about the account", async ({ page }) => {
  const urls = recordUrls(page);
  await page.goto("/signin");
  await page.getByLabel("Email").fill("nobody-at-all@e2e.test");
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("The email or password is wrong.");
  await expect(page.getByLabel("Email")).toHaveValue("nobody-at-all@e2e.test");
  await expect(page.getByLabel("Password")).toHaveValue("");
  expect(urls.filter((u) => u.includes("not+the+password") || u.includes("not%20the%20password") || /[?&]password=/.test(u))).toEqual([]);
});

test("asks for a reset link and refuses a dead one, with scripts off", async ({ page }) => {
  const urls = recordUrls(page);
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill("someone-else@e2e.test");
  await page.getByRole("button", { name: "Send a reset link" }).click();
  await expect(page.getByRole("status")).toContainText("If that address has an account, a reset link is on its way.");

  await page.goto("/reset-password?token=abcdefghijklmnopqrstuvwx");
  await page.locator("#password").fill("a new password, long enough");
  await page.locator("#confirm").fill("a new password, long enough");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByRole("alert")).toContainText("This reset link is invalid or has expired.");
  expect(urls.filter((u) => /new\+password|new%20password|[?&](password|confirm)=/.test(u))).toEqual([]);
});
