import { expect, test } from "@playwright/test";
import { accessibilityViolations, admin, screenshot, signIn, trySignIn } from "./helpers";

// One story on one fresh database: the steps depend on each other, so they run in order.
test.describe.configure({ mode: "serial" });


test("first visit leads to the one-time setup page, which creates the administrator", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/konfiguracja$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "pl");
  await expect(page.getByRole("heading", { name: "Pierwsze uruchomienie" })).toBeVisible();
  await screenshot(page, "01-setup");
  expect(await accessibilityViolations(page)).toEqual([]);

  await page.getByRole("button", { name: "Utwórz administratora" }).click();
  await expect(page.getByText("To pole jest wymagane.").first()).toBeVisible();

  await page.getByLabel("Imię i nazwisko").fill(admin.name);
  await page.getByLabel("Adres e-mail").fill(admin.email);
  await page.getByLabel("Nowe hasło").fill(admin.password);
  await page.getByLabel("Powtórz hasło").fill(admin.password);
  await page.getByRole("button", { name: "Utwórz administratora" }).click();
  await expect(page).toHaveURL(/\/pulpit$/);
  await expect(page.getByRole("heading", { name: "Dzień dobry, Ewa!" })).toBeVisible();
  await screenshot(page, "02-dashboard-empty");
  expect(await accessibilityViolations(page)).toEqual([]);

  const again = await page.request.get("/konfiguracja");
  expect(again.status()).toBe(404);
});

test("sign in refuses a wrong password, then signs in and out", async ({ page }) => {
  await trySignIn(page, admin.email, "zle-haslo-123");
  await expect(page.getByRole("alert")).toContainText("Nieprawidłowy e-mail lub hasło.");
  await screenshot(page, "03-login-error");

  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/pulpit$/);
  await expect(page.getByRole("navigation", { name: "Nawigacja główna" }).getByRole("link", { name: "Administracja" })).toBeVisible();

  await page.getByRole("button", { name: /Menu użytkownika/ }).click();
  await page.getByRole("menuitem", { name: "Wyloguj się" }).click();
  await expect(page).toHaveURL(/\/logowanie$/);
  await expect(page.getByText("Wylogowano.")).toBeVisible();
  await page.goto("/pulpit");
  await expect(page).toHaveURL(/\/logowanie\?redirectTo=%2Fpulpit$/);
});

test("the language switch changes the interface and <html lang>", async ({ page }) => {
  await page.goto("/logowanie");
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Razem" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await screenshot(page, "04-login-en");
  await page.getByRole("button", { name: /Polski/ }).click();
  await expect(page.getByRole("heading", { name: "Zaloguj się do Razem" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "pl");
});

test("an English browser sees English before signing in", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en-GB,en;q=0.9" } });
  const page = await context.newPage();
  await page.goto("/logowanie");
  await expect(page.getByRole("heading", { name: "Sign in to Razem" })).toBeVisible();
  await context.close();
});

test("the Spotkania section opens the meetings list, and the shell works on a phone", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.getByRole("link", { name: "Spotkania" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Spotkania" })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/pulpit");
  await page.getByRole("button", { name: "Otwórz menu" }).click();
  await expect(page.getByRole("link", { name: "Moje zadania" })).toBeVisible();
  await screenshot(page, "05-phone-menu");
  await page.goto("/profil/sesje");
  await expect(page.getByRole("heading", { name: "Aktywne sesje" })).toBeVisible();
  await expect(page.getByText("Ta sesja")).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await screenshot(page, "06-phone-sessions");
});
