import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";

/** Created on the setup page by 01-foundation.spec.ts; later files sign in with it. */
export const admin = { name: "Ewa Administratorka", email: "admin@e2e.razem.test", password: "bardzo-tajne-haslo" };

export const outboxDir = path.resolve("tests/.artifacts/e2e/outbox");
export const shotsDir = path.resolve("tests/.artifacts/screenshots");

export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
}

/** The newest .eml in the outbox sent to `to`, with quoted-printable soft breaks undone. */
export async function lastMailTo(to: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = fs.existsSync(outboxDir) ? fs.readdirSync(outboxDir).sort().reverse() : [];
    for (const f of files) {
      const text = fs.readFileSync(path.join(outboxDir, f), "utf8");
      if (text.includes(`To: ${to}`)) return text.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${to} in ${outboxDir}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /Menu użytkownika/ }).click();
  await page.getByRole("menuitem", { name: "Wyloguj się" }).click();
  await page.waitForURL(/\/logowanie/);
}

export function linkFrom(mail: string, pathPrefix: string): string {
  const match = new RegExp(`https?://[^\\s]+${pathPrefix}[\\w-]+`).exec(mail);
  if (!match) throw new Error(`no ${pathPrefix} link in mail`);
  return new URL(match[0]).pathname;
}

/** Submits the sign-in form; the caller checks what happened. */
export async function trySignIn(page: Page, email: string, password: string) {
  await page.goto("/logowanie");
  await page.getByLabel("Adres e-mail").fill(email);
  await page.getByLabel(/^Hasło/).fill(password);
  await page.getByRole("button", { name: "Zaloguj się" }).click();
}

/** Signs in and waits until the app has left the sign-in page. */
export async function signIn(page: Page, email: string, password: string) {
  await trySignIn(page, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/logowanie"));
}

/** WCAG 2.1 A/AA violations axe finds on the current page (empty when it is clean). */
export async function accessibilityViolations(page: Page) {
  const { default: AxeBuilder } = await import("@axe-core/playwright");
  // A toast fading in or out is half-transparent: axe would measure its contrast mid-animation.
  // Wait until none is on screen (they close by themselves within a few seconds).
  await page
    .locator(".mantine-Notification-root")
    .first()
    .waitFor({ state: "detached", timeout: 10_000 })
    .catch(() => undefined);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/**
 * Chromium's built-in PDF viewer shown in the page (it runs in an extension frame inside the
 * <iframe> of the PDF): waits until it has drawn its toolbar, so a screenshot shows the page.
 */
export async function pdfViewer(page: Page, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find((f) => f.url().startsWith("chrome-extension://") && f.url().endsWith("/index.html"));
    if (frame) {
      await frame.locator("pdf-viewer").waitFor({ state: "attached", timeout: Math.max(1, deadline - Date.now()) });
      await frame.getByText("1", { exact: true }).first().waitFor({ timeout: Math.max(1, deadline - Date.now()) });
      return frame;
    }
    if (Date.now() > deadline) throw new Error("Chromium's PDF viewer did not open");
    await new Promise((r) => setTimeout(r, 100));
  }
}
