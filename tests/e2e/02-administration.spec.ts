import { expect, test, type Page } from "@playwright/test";
import { accessibilityViolations, admin, lastMailTo, linkFrom, screenshot, signIn, signOut } from "./helpers";

test.describe.configure({ mode: "serial" });

const coordinator = { email: "koordynator@rig.e2e.test", name: "Paweł Szymański", password: "haslo-koordynatora" };
const member = { email: "lukasz.zak@rig.e2e.test", name: "Łukasz Żak", password: "haslo-czlonka-rig" };

async function addInstitution(page: Page, name: string, shortName: string) {
  await page.goto("/administracja/instytucje");
  await page.getByRole("link", { name: "Dodaj instytucję" }).first().click();
  await page.getByLabel("Pełna nazwa").fill(name);
  await page.getByLabel("Skrót").fill(shortName);
  await page.getByRole("button", { name: "Dodaj instytucję" }).click();
  await expect(page.getByText(`Dodano instytucję ${shortName}.`)).toBeVisible();
}

async function acceptInvitation(page: Page, email: string, name: string, password: string) {
  const mail = await lastMailTo(email);
  await page.goto(linkFrom(mail, "/zaproszenie/"));
  await expect(page.getByRole("heading", { name: "Dołącz do Razem" })).toBeVisible();
  await page.getByLabel("Imię i nazwisko").fill(name);
  await page.getByLabel("Nowe hasło").fill(password);
  await page.getByLabel("Powtórz hasło").fill(password);
  await page.getByRole("button", { name: "Dołącz" }).click();
  await expect(page).toHaveURL(/\/pulpit$/);
}

test("the administrator adds institutions and invites a coordinator", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await addInstitution(page, "Regionalna Izba Gospodarcza w Bełchatowie", "RIG");
  await addInstitution(page, "Fundacja Rozwoju Gminy Kleszczów", "FRGK");
  await page.goto("/administracja/instytucje");
  await expect(page.getByRole("table")).toContainText("Fundacja Rozwoju Gminy Kleszczów");
  await screenshot(page, "10-admin-institutions");
  expect(await accessibilityViolations(page)).toEqual([]);

  await page.goto("/administracja/osoby/zapros");
  await page.getByLabel("Adres e-mail").fill(coordinator.email);
  await page.getByRole("textbox", { name: "Instytucja" }).click();
  await page.getByRole("option", { name: /^RIG/ }).click();
  await page.getByRole("radio", { name: "Koordynator" }).check();
  await screenshot(page, "11-admin-invite");
  await page.getByRole("button", { name: "Wyślij zaproszenie" }).click();
  await expect(page.getByText(`Wysłano zaproszenie na adres ${coordinator.email}.`)).toBeVisible();
  await signOut(page);
});

test("the invitation email's link creates the coordinator's account", async ({ page }) => {
  await acceptInvitation(page, coordinator.email, coordinator.name, coordinator.password);
  await expect(page.getByRole("heading", { name: "Dzień dobry, Paweł!" })).toBeVisible();
  await expect(page.getByText("Regionalna Izba Gospodarcza w Bełchatowie").first()).toBeVisible();
  await expect(page.getByText("Koordynator").first()).toBeVisible();
  await screenshot(page, "12-coordinator-dashboard");
});

test("a coordinator invites into their own institution only and cannot manage institutions", async ({ page }) => {
  await signIn(page, coordinator.email, coordinator.password);
  await page.goto("/administracja/osoby/zapros");
  await expect(page.getByRole("textbox", { name: "Instytucja" })).toHaveValue(/^RIG/);
  await page.getByLabel("Adres e-mail").fill(member.email);
  await page.getByRole("button", { name: "Wyślij zaproszenie" }).click();
  await expect(page.getByText(`Wysłano zaproszenie na adres ${member.email}.`)).toBeVisible();

  const res = await page.goto("/administracja/instytucje/nowa");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Brak uprawnień" })).toBeVisible();
  await signOut(page);

  await acceptInvitation(page, member.email, member.name, member.password);
  await expect(page.getByRole("heading", { name: "Dzień dobry, Łukasz!" })).toBeVisible();
  const denied = await page.goto("/administracja");
  expect(denied?.status()).toBe(403);
  await signOut(page);

  await signIn(page, coordinator.email, coordinator.password);
  await page.goto("/administracja/osoby");
  await expect(page.getByRole("table")).toContainText(member.name);
  await expect(page.getByRole("table")).not.toContainText(admin.email);
  await screenshot(page, "13-coordinator-people");
  expect(await accessibilityViolations(page)).toEqual([]);
});

test("the administrator sees all of it in the audit log", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.goto("/administracja/dziennik");
  await expect(page.getByRole("table")).toContainText(coordinator.email);
  await expect(page.getByRole("table")).toContainText(member.email);
  await screenshot(page, "14-audit-log");
  expect(await accessibilityViolations(page)).toEqual([]);
  const csv = await page.request.get("/administracja/dziennik.csv");
  expect(csv.status()).toBe(200);
  expect((await csv.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
});
