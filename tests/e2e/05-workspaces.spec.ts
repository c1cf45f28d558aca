import { expect, test, type Page } from "@playwright/test";
import { accessibilityViolations, admin, lastMailTo, linkFrom, screenshot, signIn, signOut } from "./helpers";

// Builds on 02-administration: institutions RIG and FRGK, RIG coordinator Paweł Szymański.
test.describe.configure({ mode: "serial" });

const coordinator = { email: "koordynator@rig.e2e.test", password: "haslo-koordynatora" };
const frgk = { email: "anna.lewandowska@frgk.e2e.test", name: "Anna Lewandowska", password: "haslo-anny-frgk" };
let promotionUrl = "";
let rigOnlyUrl = "";

async function createWorkspace(page: Page, name: string, description: string) {
  await page.goto("/przestrzenie");
  await page.getByRole("link", { name: "Nowa przestrzeń" }).first().click();
  await page.getByLabel("Nazwa").fill(name);
  await page.getByLabel("Opis").fill(description);
  await page.getByRole("button", { name: "Utwórz przestrzeń" }).click();
  await expect(page.getByText(`Utworzono przestrzeń „${name}”`)).toBeVisible();
  return page.url().replace(/\/czlonkowie$/, "");
}

async function addInstitution(page: Page, shortName: string, role: "Edytor" | "Czytelnik") {
  const form = page.getByRole("region", { name: "Dodaj instytucję" });
  await form.getByRole("textbox", { name: "Instytucja" }).click();
  await page.getByRole("option", { name: new RegExp(`^${shortName}`) }).click();
  if (role !== "Edytor") {
    // Editor is the default; Mantine keeps closed dropdowns mounted, so pick among visible options.
    await form.getByRole("textbox", { name: "Rola" }).click();
    await page.getByRole("option", { name: new RegExp(`^${role}`) }).filter({ visible: true }).click();
  }
  await form.getByRole("button", { name: "Dodaj instytucję" }).click();
  await expect(page.getByRole("table", { name: "Instytucje w przestrzeni i ich role" })).toContainText(shortName);
}

test("an FRGK employee joins through an invitation", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.goto("/administracja/osoby/zapros");
  await page.getByLabel("Adres e-mail").fill(frgk.email);
  await page.getByRole("textbox", { name: "Instytucja" }).click();
  await page.getByRole("option", { name: /^FRGK/ }).click();
  await page.getByRole("button", { name: "Wyślij zaproszenie" }).click();
  await expect(page.getByText(`Wysłano zaproszenie na adres ${frgk.email}.`)).toBeVisible();
  await signOut(page);
  await page.goto(linkFrom(await lastMailTo(frgk.email), "/zaproszenie/"));
  await page.getByLabel("Imię i nazwisko").fill(frgk.name);
  await page.getByLabel("Nowe hasło").fill(frgk.password);
  await page.getByLabel("Powtórz hasło").fill(frgk.password);
  await page.getByRole("button", { name: "Dołącz" }).click();
  await expect(page).toHaveURL(/\/pulpit$/);
  await expect(page.getByText("Nie należysz jeszcze do żadnej przestrzeni roboczej").first()).toBeVisible();
});

test("a coordinator creates a workspace with two institutions and another one with only their own", async ({ page }) => {
  await signIn(page, coordinator.email, coordinator.password);
  promotionUrl = await createWorkspace(page, "Koncepcja promocji FST", "Plan komunikacji i kampanie PR dla przedsiębiorców.");
  await addInstitution(page, "RIG", "Edytor");
  await addInstitution(page, "FRGK", "Czytelnik");
  await screenshot(page, "20-workspace-members");
  expect(await accessibilityViolations(page)).toEqual([]);

  rigOnlyUrl = await createWorkspace(page, "Sprawy wewnętrzne RIG", "Tylko dla Regionalnej Izby Gospodarczej.");
  await addInstitution(page, "RIG", "Edytor");

  await page.goto("/przestrzenie");
  await expect(page.getByRole("link", { name: "Koncepcja promocji FST" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sprawy wewnętrzne RIG" })).toBeVisible();
  await screenshot(page, "21-workspaces-list");
  expect(await accessibilityViolations(page)).toEqual([]);
});

test("a member of another institution sees only the workspace shared with them, read-only", async ({ page }) => {
  await signIn(page, frgk.email, frgk.password);
  await page.goto("/przestrzenie");
  await expect(page.getByRole("link", { name: "Koncepcja promocji FST" })).toBeVisible();
  await expect(page.getByText("Sprawy wewnętrzne RIG")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Nowa przestrzeń" })).toHaveCount(0);

  await page.goto(promotionUrl);
  await expect(page.getByText("Czytelnik").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Ustawienia" })).toHaveCount(0);
  await screenshot(page, "22-workspace-overview-viewer");
  expect(await accessibilityViolations(page)).toEqual([]);

  for (const path of [rigOnlyUrl, `${rigOnlyUrl}/czlonkowie`, `${rigOnlyUrl}/ustawienia`, `${rigOnlyUrl}/biblioteka`]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
  }
  await expect(page.getByText("Sprawy wewnętrzne RIG")).toHaveCount(0);
  const settings = await page.goto(`${promotionUrl}/ustawienia`);
  expect(settings?.status()).toBe(403);
});
