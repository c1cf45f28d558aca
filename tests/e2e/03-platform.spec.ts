import { expect, test } from "@playwright/test";
import { accessibilityViolations } from "./helpers";

test("every response carries the security headers, with a fresh CSP nonce and no unsafe-inline scripts", async ({ request }) => {
  const first = await request.get("/logowanie");
  const second = await request.get("/logowanie");
  const csp = first.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(second.headers()["content-security-policy"]).not.toBe(csp);
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  expect(await first.text()).toContain(`nonce="${nonce}"`);
  expect(first.headers()["x-content-type-options"]).toBe("nosniff");
  expect(first.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(first.headers()["x-frame-options"]).toBe("DENY");
  expect(first.headers()["permissions-policy"]).toContain("camera=()");
});

test("a cross-origin form post is refused before it reaches the app", async ({ request }) => {
  const res = await request.post("/logowanie", {
    headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
    data: "email=a%40b.pl&password=x",
  });
  expect(res.status()).toBe(403);
});

test("health check reports the database", async ({ request }) => {
  const res = await request.get("/healthz");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", database: "ok" });
});

test("the sign-in page has no WCAG 2.1 AA violations found by axe", async ({ page }) => {
  await page.goto("/logowanie");
  expect(await accessibilityViolations(page)).toEqual([]);
});

test("the residents' ideas page linked from sign-in opens without an account", async ({ page }) => {
  await page.goto("/logowanie");
  await page.getByRole("link", { name: /Zgłoś pomysł/ }).click();
  await expect(page).toHaveURL(/\/pomysly$/);
  await expect(page.getByRole("heading", { name: "Pomysły dla regionu" })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
});
