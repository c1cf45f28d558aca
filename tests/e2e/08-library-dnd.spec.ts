import { expect, test, type Page } from "@playwright/test";
import { makePdf } from "../../prisma/seed/sample-files";
import { accessibilityViolations, admin, screenshot, signIn } from "./helpers";

// The folder view's drag-and-drop moving and its filters. Self-contained: the administrator
// (from 01-foundation, or created here when this file runs on its own) creates a workspace of
// their own, so the earlier stories' folders and files stay as they were.
test.describe.configure({ mode: "serial" });

const WORKSPACE = "Porządki w bibliotece";
const files = [
  { name: "Zestawienie-wnioskow.pdf", mimeType: "application/pdf", buffer: makePdf("Zestawienie wniosków", ["Wnioski złożone w pierwszym naborze FST."]) },
  { name: "Notatka-ze-spotkania.md", mimeType: "text/markdown", buffer: Buffer.from("# Notatka\n\nUstalenia ze spotkania partnerów w Kleszczowie.\n") },
  { name: "Dane-kontaktowe.csv", mimeType: "text/csv", buffer: Buffer.from("instytucja;osoba\nRIG;Paweł Szymański\n") },
];
const [pdf, note, csv] = files;

let libraryUrl = "";

/** The table of a library folder (named by its caption). */
const folderTable = (page: Page, folder: string) => page.getByRole("table", { name: `Foldery i pliki w folderze „${folder}”` });
const liveRegion = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });

/** When this file runs alone the database is fresh: the one-time setup creates the administrator. */
async function ensureAdministrator(page: Page) {
  await page.goto("/");
  if (!new URL(page.url()).pathname.startsWith("/konfiguracja")) return;
  await page.getByLabel("Imię i nazwisko").fill(admin.name);
  await page.getByLabel("Adres e-mail").fill(admin.email);
  await page.getByLabel("Nowe hasło").fill(admin.password);
  await page.getByLabel("Powtórz hasło").fill(admin.password);
  await page.getByRole("button", { name: "Utwórz administratora" }).click();
  await expect(page).toHaveURL(/\/pulpit$/);
  await page.context().clearCookies(); // signed in again below, like in the full story
}

test("the administrator sets up a library with a folder and three files", async ({ page }) => {
  await ensureAdministrator(page);
  await signIn(page, admin.email, admin.password);
  await page.goto("/przestrzenie/nowa");
  if (await page.getByText("Najpierw dodaj instytucję").isVisible()) {
    // Alone on a fresh database: the workspace needs an institution to lead it.
    await page.goto("/administracja/instytucje");
    await page.getByRole("link", { name: "Dodaj instytucję" }).first().click();
    await page.getByLabel("Pełna nazwa").fill("Regionalna Izba Gospodarcza w Bełchatowie");
    await page.getByLabel("Skrót").fill("RIG");
    await page.getByRole("button", { name: "Dodaj instytucję" }).click();
    await expect(page.getByText("Dodano instytucję RIG.")).toBeVisible();
    await page.goto("/przestrzenie/nowa");
  }
  await page.getByLabel("Nazwa").fill(WORKSPACE);
  await page.getByLabel("Opis").fill("Próba przenoszenia plików i filtrów.");
  await page.getByRole("textbox", { name: "Instytucja prowadząca" }).click();
  await page.getByRole("option").first().click();
  await page.getByRole("button", { name: "Utwórz przestrzeń" }).click();
  await expect(page.getByText(`Utworzono przestrzeń „${WORKSPACE}”`)).toBeVisible();
  libraryUrl = `${new URL(page.url()).pathname.replace(/\/czlonkowie$/, "")}/biblioteka`;

  await page.goto(libraryUrl);
  await expect(page.getByRole("heading", { level: 2, name: "Biblioteka dokumentów" })).toBeVisible();
  await page.getByRole("button", { name: "Nowy folder" }).click();
  const dialog = page.getByRole("dialog", { name: "Nowy folder" });
  await dialog.getByLabel("Nazwa folderu").fill("Archiwum");
  await dialog.getByRole("button", { name: "Utwórz folder" }).click();
  await expect(dialog).toBeHidden();

  await page.locator('input[type="file"]').setInputFiles(files);
  const table = folderTable(page, "Biblioteka dokumentów");
  for (const file of files) await expect(table.getByRole("link", { name: file.name })).toBeVisible();
  await expect(table.getByRole("link", { name: "Archiwum" })).toBeVisible();
});

test("dragging a file onto a folder row moves it there; dragging it onto a breadcrumb brings it back", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.goto(libraryUrl);
  const root = folderTable(page, "Biblioteka dokumentów");
  await expect(page.getByText(/przeciągnij go na folder w tabeli/)).toBeVisible();
  const noteRow = root.getByRole("row").filter({ hasText: note.name });
  const archiveRow = root.getByRole("row").filter({ has: page.getByRole("link", { name: "Archiwum" }) });
  await expect(noteRow).toHaveAttribute("draggable", "true");
  await expect(archiveRow).toHaveAttribute("draggable", "true");

  // Step by step (what dragTo does), to see the drop target highlighted on the way.
  await noteRow.hover();
  await page.mouse.down();
  const box = (await archiveRow.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  await expect(archiveRow).toHaveAttribute("data-drop-target", "true");
  await screenshot(page, "50-library-drag-over-folder");
  await page.mouse.up();
  await expect(liveRegion(page, `Przeniesiono „${note.name}” do „Archiwum”.`)).toBeAttached();
  await expect(page.getByText(`Przeniesiono „${note.name}”.`)).toBeVisible();
  await expect(root.getByRole("link", { name: note.name })).toHaveCount(0);
  await expect(root.getByRole("link", { name: pdf.name })).toBeVisible();

  await root.getByRole("link", { name: "Archiwum" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Archiwum" })).toBeVisible();
  const archive = folderTable(page, "Archiwum");
  await expect(archive.getByRole("link", { name: note.name })).toBeVisible();
  await screenshot(page, "51-library-moved-by-drag");

  // Back to the library's root over the breadcrumb.
  const crumb = page.getByRole("navigation", { name: "Ścieżka folderów" }).getByRole("link", { name: "Biblioteka" });
  await archive.getByRole("row").filter({ hasText: note.name }).dragTo(crumb);
  await expect(liveRegion(page, `Przeniesiono „${note.name}” do „Biblioteka”.`)).toBeAttached();
  await expect(archive.getByRole("link", { name: note.name })).toHaveCount(0);
  await page.goto(libraryUrl);
  await expect(root.getByRole("link", { name: note.name })).toBeVisible();
});

test("a type filter shows only matching files, survives a reload, and clears", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.goto(libraryUrl);
  const table = folderTable(page, "Biblioteka dokumentów");
  const filters = page.getByRole("search", { name: "Filtry plików" });

  await filters.getByRole("textbox", { name: "Typ pliku" }).click();
  await page.getByRole("option", { name: "PDF", exact: true }).click();
  await filters.getByRole("button", { name: "Filtruj" }).click();
  await expect(page).toHaveURL(/[?&]typ=pdf(&|$)/);
  await expect(table.getByRole("link", { name: pdf.name })).toBeVisible();
  await expect(table.getByRole("link", { name: note.name })).toHaveCount(0);
  await expect(table.getByRole("link", { name: csv.name })).toHaveCount(0);
  // Folders have no type: they are not listed while filtering.
  await expect(table.getByRole("link", { name: "Archiwum" })).toHaveCount(0);
  await screenshot(page, "52-library-filtered");
  expect(await accessibilityViolations(page)).toEqual([]);

  // The URL is the filter: a reload (or a shared link) shows the same.
  await page.reload();
  await expect(table.getByRole("link", { name: pdf.name })).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(2); // header + the PDF
  await expect(filters.getByRole("textbox", { name: "Typ pliku" })).toHaveValue("PDF");

  // Text files: Markdown and CSV together.
  await page.goto(`${libraryUrl}?typ=text&sort=name&dir=desc`);
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table.getByRole("rowheader").nth(0)).toContainText(note.name);
  await expect(table.getByRole("rowheader").nth(1)).toContainText(csv.name);

  // Nothing matches: an empty state with a way out.
  await page.goto(`${libraryUrl}?typ=archive`);
  await expect(page.getByText("Żaden plik w tym folderze nie pasuje do wybranych filtrów.")).toBeVisible();
  await page.getByRole("link", { name: "Wyczyść filtry" }).first().click();
  await expect(page).not.toHaveURL(/typ=/);
  for (const file of files) await expect(table.getByRole("link", { name: file.name })).toBeVisible();
  await expect(table.getByRole("link", { name: "Archiwum" })).toBeVisible();

  // Unknown values are no filter, not an error.
  const odd = await page.goto(`${libraryUrl}?typ=exe&status=nieznany&autor=%3Cx%3E`);
  expect(odd?.status()).toBe(200);
  for (const file of files) await expect(table.getByRole("link", { name: file.name })).toBeVisible();
});
