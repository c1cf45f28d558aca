import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";

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

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/logowanie");
  await page.getByLabel("Adres e-mail").fill(email);
  await page.getByLabel(/^Hasło/).fill(password);
  await page.getByRole("button", { name: "Zaloguj się" }).click();
}
