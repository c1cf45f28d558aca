import { expect, test, type Page } from "@playwright/test";
import { makeDocx } from "../../prisma/seed/sample-files";
import { accessibilityViolations, screenshot, signIn, signOut } from "./helpers";

// Builds on 06-library: "Koncepcja-promocji.docx" in "Plan komunikacji" of "Koncepcja promocji FST".
test.describe.configure({ mode: "serial" });

const coordinator = { email: "koordynator@rig.e2e.test", name: "Paweł Szymański", password: "haslo-koordynatora" };
const rigMember = { email: "lukasz.zak@rig.e2e.test", password: "haslo-czlonka-rig" };
const frgk = { email: "anna.lewandowska@frgk.e2e.test", name: "Anna Lewandowska", password: "haslo-anny-frgk" };
let fileUrl = "";

async function openDocx(page: Page) {
  if (fileUrl) {
    await page.goto(fileUrl);
  } else {
    await page.goto("/przestrzenie");
    await page.getByRole("link", { name: "Koncepcja promocji FST" }).click();
    await page.getByRole("link", { name: "Biblioteka" }).click();
    await page.getByRole("link", { name: "Plan komunikacji" }).first().click();
    await page.getByRole("link", { name: "Koncepcja-promocji.docx" }).first().click();
    await expect(page.getByRole("heading", { name: "Koncepcja-promocji.docx" })).toBeVisible();
    fileUrl = new URL(page.url()).pathname;
  }
}

test("a checked-out file refuses another editor's upload with a clear message", async ({ page }) => {
  await signIn(page, coordinator.email, coordinator.password);
  await openDocx(page);
  await page.getByRole("button", { name: "Edytuję ten plik" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Edytujesz ten plik" })).toBeVisible();
  await signOut(page);

  await signIn(page, rigMember.email, rigMember.password);
  await openDocx(page);
  await expect(page.getByText(`${coordinator.name} edytuje ten plik`)).toBeVisible();
  await screenshot(page, "40-file-locked");
  const documentId = fileUrl.split("/").pop()!;
  const workspaceUrl = fileUrl.replace(/\/biblioteka\/.*$/, "");
  const refused = await page.request.post(`${workspaceUrl}/biblioteka/wyslij?dokument=${documentId}`, {
    multipart: {
      file: {
        name: "Koncepcja-promocji.docx",
        mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        buffer: makeDocx("Koncepcja", ["Moja wersja"]),
      },
    },
  });
  expect(refused.status()).toBe(409);
  // The message is a translation key with its values; the upload list shows it translated.
  expect((await refused.json()).error).toMatch(/^library\.lock\.lockedBy\|.*Paweł Szymański/);
  await signOut(page);

  await signIn(page, coordinator.email, coordinator.password);
  await openDocx(page);
  await page.getByRole("button", { name: /Zwolnij blokadę/ }).first().click();
  await expect(page.getByText("Zwolniono blokadę pliku „Koncepcja-promocji.docx”.")).toBeVisible();
});

test("the owner sends the document for review to a partner from another institution", async ({ page }) => {
  await signIn(page, coordinator.email, coordinator.password);
  await openDocx(page);
  await page.getByRole("button", { name: "Wyślij do przeglądu" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("textbox", { name: "Recenzenci" }).click();
  await page.getByRole("option", { name: new RegExp(frgk.name) }).click();
  await page.keyboard.press("Escape");
  await dialog.getByLabel(/Wiadomość do recenzentów/).fill("Proszę o uwagi do budżetu.");
  await dialog.getByRole("button", { name: "Wyślij do przeglądu" }).click();
  await expect(page.getByText("Wysłano „Koncepcja-promocji.docx” do przeglądu.", { exact: false })).toBeVisible();
  await expect(page.getByText("Do przeglądu").first()).toBeVisible();
  await screenshot(page, "41-file-in-review");
  expect(await accessibilityViolations(page)).toEqual([]);
});

test("the reviewer is notified, comments with a mention and approves", async ({ page }) => {
  await signIn(page, frgk.email, frgk.password);
  const bell = page.getByRole("button", { name: /^Powiadomienia, 1 nieprzeczytane/ });
  await expect(bell).toBeVisible();
  await bell.click();
  await screenshot(page, "42-notifications");
  await page.getByRole("button", { name: /prosi o przegląd: „Koncepcja-promocji\.docx”/ }).first().click();
  await expect(page.getByRole("heading", { name: "Koncepcja-promocji.docx" })).toBeVisible();
  await expect(page.getByText("Jesteś jedną z osób poproszonych o przegląd.")).toBeVisible();

  const box = page.getByRole("textbox", { name: "Nowy komentarz" });
  await box.click();
  await box.pressSequentially("Budżet wygląda dobrze, @Paw");
  await page.getByRole("option", { name: new RegExp(coordinator.name) }).click();
  await box.pressSequentially(" proszę jeszcze o harmonogram.");
  await page.getByRole("button", { name: "Dodaj komentarz" }).click();
  await expect(page.getByText("Dodano komentarz.")).toBeVisible();
  await expect(page.getByText(`@${coordinator.name}`).first()).toBeVisible();

  await page.getByRole("button", { name: "Zatwierdź" }).click();
  await page.getByRole("dialog").getByRole("button", { name: /Zatwierdź wersję v\d+/ }).click();
  await expect(page.getByText(/Zatwierdzona wersja: v\d+ — Anna Lewandowska/)).toBeVisible();
  await screenshot(page, "43-file-approved");
  expect(await accessibilityViolations(page)).toEqual([]);
});

test("the author sees the mention and the approval in the notification centre", async ({ page }) => {
  await signIn(page, coordinator.email, coordinator.password);
  await page.goto("/powiadomienia");
  await expect(page.getByText(/Anna Lewandowska/).first()).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Koncepcja-promocji.docx");
  await screenshot(page, "44-notifications-page");
  expect(await accessibilityViolations(page)).toEqual([]);
});
