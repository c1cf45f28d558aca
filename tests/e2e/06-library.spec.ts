import { expect, test, type Page } from "@playwright/test";
import { makeDocx, makePdf } from "../../prisma/seed/sample-files";
import { accessibilityViolations, pdfViewer, screenshot, signIn } from "./helpers";

// Builds on 05-workspaces: "Koncepcja promocji FST" (RIG editor, FRGK viewer, the RIG coordinator
// owns it) and the RIG-only "Sprawy wewnętrzne RIG".
test.describe.configure({ mode: "serial" });

const coordinator = { email: "koordynator@rig.e2e.test", name: "Paweł Szymański", password: "haslo-koordynatora" };
const frgk = { email: "anna.lewandowska@frgk.e2e.test", password: "haslo-anny-frgk" };

const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const pdf = {
  name: "Plan-komunikacji.pdf",
  mimeType: "application/pdf",
  buffer: makePdf("Plan komunikacji FST", ["Kanały: strona internetowa, media społecznościowe, spotkania z przedsiębiorcami.", "Harmonogram na lata 2025–2027."]),
};
const docx = {
  name: "Koncepcja-promocji.docx",
  mimeType: DOCX_MIME,
  buffer: makeDocx("Koncepcja promocji FST", ["Cele kampanii i grupy docelowe.", "Budżet wstępny do uzgodnienia z FRGK."]),
};
const docxV2 = {
  name: "Koncepcja-promocji.docx",
  mimeType: DOCX_MIME,
  buffer: makeDocx("Koncepcja promocji FST", ["Cele kampanii i grupy docelowe.", "Budżet uzgodniony z FRGK na spotkaniu 12 maja.", "Nowy rozdział: ambasadorzy marki."]),
};

let workspaceUrl = "";
let rigOnlyUrl = "";
let folderUrl = "";
let pdfUrl = "";
let docxUrl = "";

const today = () => new Intl.DateTimeFormat("pl-PL", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Warsaw" }).format(new Date());

/** The table of a library folder (named by its caption). */
const folderTable = (page: Page, folder: string) => page.getByRole("table", { name: `Foldery i pliki w folderze „${folder}”` });
const versionsTable = (page: Page, name: string) => page.getByRole("table", { name: `Wersje pliku ${name}, od najnowszej` });

async function openLibrary(page: Page) {
  await page.goto("/przestrzenie");
  await page.getByRole("link", { name: "Koncepcja promocji FST" }).click();
  await page.waitForURL(/\/przestrzenie\/[^/]+$/);
  workspaceUrl = new URL(page.url()).pathname;
  await page.getByRole("navigation", { name: "Sekcje przestrzeni" }).getByRole("link", { name: "Biblioteka" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Biblioteka dokumentów" })).toBeVisible();
}

test("the owner creates a folder and uploads two files at once, with a progress row per file", async ({ page }) => {
  await signIn(page, coordinator.email, coordinator.password);
  await page.goto("/przestrzenie");
  rigOnlyUrl = (await page.getByRole("link", { name: "Sprawy wewnętrzne RIG" }).getAttribute("href")) ?? "";
  expect(rigOnlyUrl).toMatch(/^\/przestrzenie\/[^/]+$/);

  await openLibrary(page);
  await page.getByRole("button", { name: "Nowy folder" }).click();
  const dialog = page.getByRole("dialog", { name: "Nowy folder" });
  await dialog.getByLabel("Nazwa folderu").fill("Plan komunikacji");
  await dialog.getByRole("button", { name: "Utwórz folder" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Utworzono folder „Plan komunikacji”.")).toBeVisible();
  await folderTable(page, "Biblioteka dokumentów").getByRole("link", { name: "Plan komunikacji" }).click();
  await page.waitForURL(/\/biblioteka\/folder\/[^/]+$/);
  folderUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 2, name: "Plan komunikacji" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Ścieżka folderów" })).toContainText("Biblioteka");

  // Hold the uploads at the network until the progress rows have been seen: on localhost they
  // would otherwise finish before the first frame is painted.
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const uploads: string[] = [];
  await page.route(/\/biblioteka\/wyslij(\?|$)/, async (route) => {
    uploads.push(route.request().url());
    await gate;
    await route.continue();
  });
  await page.locator('input[type="file"]').setInputFiles([pdf, docx]);
  const list = page.getByRole("list").filter({ has: page.getByText(pdf.name) });
  await expect(page.getByRole("heading", { name: "Wysyłane pliki" })).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(2);
  for (const file of [pdf, docx]) {
    const row = list.getByRole("listitem").filter({ hasText: file.name });
    // The bar's filled section (role progressbar) is 0 px wide at 0 %, so "attached", not "visible".
    await expect(row.getByRole("progressbar", { name: `Wysyłanie pliku ${file.name}` })).toBeAttached();
    await expect(row.getByRole("progressbar")).toHaveAttribute("aria-valuemax", "100");
    await expect(row).toContainText(/\d+% z [\d,]+ (B|kB|KB)/);
    await expect(row.getByRole("button", { name: `Anuluj wysyłanie pliku ${file.name}` })).toBeVisible();
  }
  await expect.poll(() => uploads.length).toBe(2); // both at once (two parallel uploads)
  expect(uploads.every((u) => u.includes(`folder=${folderUrl.split("/").pop()}`))).toBe(true);
  await screenshot(page, "30-library-upload-progress");
  release();

  for (const file of [pdf, docx]) {
    const row = list.getByRole("listitem").filter({ hasText: file.name });
    await expect(row).toContainText("Wysłano.");
    await expect(row.getByRole("link", { name: file.name })).toBeVisible();
  }
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await page.unroute(/\/biblioteka\/wyslij(\?|$)/);

  const table = folderTable(page, "Plan komunikacji");
  await expect(table.getByRole("link", { name: pdf.name })).toBeVisible();
  await expect(table.getByRole("link", { name: docx.name })).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: pdf.name })).toContainText(coordinator.name);
  pdfUrl = (await table.getByRole("link", { name: pdf.name }).getAttribute("href")) ?? "";
  docxUrl = (await table.getByRole("link", { name: docx.name }).getAttribute("href")) ?? "";
  expect(pdfUrl).toMatch(/\/biblioteka\/plik\/[^/]+$/);
  expect(docxUrl).toMatch(/\/biblioteka\/plik\/[^/]+$/);

  await screenshot(page, "31-library-folder");
  expect(await accessibilityViolations(page)).toEqual([]);
});

test("the PDF's page shows it inline", async ({ page }) => {
  await signIn(page, coordinator.email, coordinator.password);
  await page.goto(folderUrl);
  await folderTable(page, "Plan komunikacji").getByRole("link", { name: pdf.name }).click();
  await expect(page.getByRole("heading", { level: 2, name: pdf.name })).toBeVisible();
  const frame = page.locator(`iframe[title="Podgląd pliku ${pdf.name}"]`);
  await expect(frame).toBeVisible();
  const src = (await frame.getAttribute("src")) ?? "";
  expect(src).toMatch(/\/pliki\/[^/]+\/v\/1\/podglad$/);
  const preview = await page.request.get(src);
  expect(preview.status()).toBe(200);
  expect(preview.headers()["content-type"]).toBe("application/pdf");
  expect(preview.headers()["content-disposition"]).toMatch(/^inline;/);
  expect(Buffer.compare(await preview.body(), pdf.buffer)).toBe(0);
  await expect(page.getByRole("link", { name: "Otwórz podgląd w nowej karcie" })).toHaveAttribute("href", src);
  await expect(versionsTable(page, pdf.name).getByRole("row")).toHaveCount(2); // header + v1
  // The browser really renders it: the preview's headers let our page frame it.
  await pdfViewer(page);

  await screenshot(page, "32-library-file-preview");
  expect(await accessibilityViolations(page)).toEqual([]);
});

test("a new version of the DOCX with a note, then version 1 restored as version 3", async ({ page }) => {
  await signIn(page, coordinator.email, coordinator.password);
  await page.goto(docxUrl);
  await expect(page.getByRole("heading", { level: 2, name: docx.name })).toBeVisible();
  // Word files preview as sanitised HTML, with the document's own text.
  await expect(page.getByRole("heading", { name: "Podgląd dokumentu" })).toBeVisible();
  await expect(page.getByText("Cele kampanii i grupy docelowe.").first()).toBeVisible();
  await expect(page.getByText("Podgląd tego typu pliku nie jest jeszcze dostępny")).toHaveCount(0);

  await page.getByRole("button", { name: "Wyślij nową wersję" }).click();
  const dialog = page.getByRole("dialog", { name: `Nowa wersja: ${docx.name}` });
  await dialog.locator('input[type="file"]').setInputFiles(docxV2);
  await dialog.getByLabel("Opis zmian").fill("Poprawki po spotkaniu");
  await dialog.getByRole("button", { name: "Wyślij wersję" }).click();
  await expect(dialog).toBeHidden();

  const versions = versionsTable(page, docx.name);
  const v2 = versions.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^v2/ }) });
  await expect(v2).toContainText("bieżąca");
  await expect(v2).toContainText("Poprawki po spotkaniu");
  await expect(v2).toContainText(coordinator.name);
  await expect(page.getByRole("link", { name: "Pobierz (wersja 2)" })).toBeVisible();

  await versions.getByRole("button", { name: "Przywróć wersję 1" }).click();
  const restore = page.getByRole("dialog", { name: "Przywrócić wersję 1?" });
  await expect(restore).toContainText("Powstanie nowa wersja 3 z zawartością wersji 1.");
  await restore.getByRole("button", { name: "Przywróć jako nową wersję" }).click();
  await expect(restore).toBeHidden();
  await expect(page.getByText("Przywrócono wersję 1 jako wersję 3.")).toBeVisible();
  const v3 = versions.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^v3/ }) });
  await expect(v3).toContainText("bieżąca");
  await expect(v3).toContainText("Przywrócono z wersji 1.");
  await expect(versions.getByRole("row")).toHaveCount(4); // header + v3, v2, v1
  await expect(versions.getByRole("rowheader").first()).toContainText("v3"); // newest first
  await expect(versions.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^v2/ }) })).not.toContainText("bieżąca");

  // Version 1 downloads as an attachment with its own name and the exact bytes uploaded.
  const v1Href = (await versions.getByRole("link", { name: "Pobierz wersję 1" }).getAttribute("href")) ?? "";
  expect(v1Href).toMatch(/\/v\/1\/pobierz$/);
  const v1 = await page.request.get(v1Href);
  expect(v1.status()).toBe(200);
  expect(v1.headers()["content-type"]).toBe(DOCX_MIME);
  expect(v1.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(v1.headers()["content-disposition"]).toContain('filename="Koncepcja-promocji (v1).docx"');
  const v1Bytes = await v1.body();
  expect(v1Bytes.subarray(0, 2).toString("latin1")).toBe("PK");
  expect(Buffer.compare(v1Bytes, docx.buffer)).toBe(0);
  // The restored version 3 has version 1's content; version 2 is the one sent with the note.
  const current = await page.request.get((await page.getByRole("link", { name: "Pobierz (wersja 3)" }).getAttribute("href")) ?? "");
  expect(current.headers()["content-disposition"]).toContain(`filename="${docx.name}"`);
  expect(Buffer.compare(await current.body(), docx.buffer)).toBe(0);
  const v2File = await page.request.get(v1Href.replace(/\/v\/1\//, "/v/2/"));
  expect(Buffer.compare(await v2File.body(), docxV2.buffer)).toBe(0);

  await screenshot(page, "33-library-file-versions");
  expect(await accessibilityViolations(page)).toEqual([]);
});

test("a deleted file goes to the trash with who and when, and comes back from it", async ({ page }) => {
  await signIn(page, coordinator.email, coordinator.password);
  await page.goto(folderUrl);
  const table = folderTable(page, "Plan komunikacji");
  await table.getByRole("button", { name: `Działania: ${pdf.name}` }).click();
  await page.getByRole("menuitem", { name: "Przenieś do kosza" }).click();
  const dialog = page.getByRole("dialog", { name: `Przenieść do kosza: ${pdf.name}?` });
  await dialog.getByRole("button", { name: "Przenieś do kosza" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Przeniesiono „${pdf.name}” do kosza.`)).toBeVisible();
  await expect(table.getByRole("link", { name: pdf.name })).toHaveCount(0);
  await expect(table.getByRole("link", { name: docx.name })).toBeVisible();
  // A trashed file's page is gone.
  expect((await page.request.get(pdfUrl)).status()).toBe(404);

  await page.getByRole("link", { name: "Kosz", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Kosz biblioteki" })).toBeVisible();
  const trash = page.getByRole("table", { name: "Elementy w koszu, od ostatnio usuniętych" });
  const row = trash.getByRole("row").filter({ hasText: pdf.name });
  await expect(row).toHaveCount(1);
  const cells = row.getByRole("cell");
  await expect(cells.nth(0)).toHaveText("Biblioteka / Plan komunikacji");
  await expect(cells.nth(1)).toHaveText(coordinator.name);
  await expect(cells.nth(2)).toContainText(today());
  await screenshot(page, "34-library-trash");
  expect(await accessibilityViolations(page)).toEqual([]);

  await row.getByRole("button", { name: `Przywróć: ${pdf.name}` }).click();
  await expect(page.getByText(`Przywrócono „${pdf.name}”.`)).toBeVisible();
  await expect(page.getByText("Kosz jest pusty.")).toBeVisible();

  await page.goto(folderUrl);
  await expect(table.getByRole("link", { name: pdf.name })).toBeVisible();
  expect((await page.request.get(pdfUrl)).status()).toBe(200);
});

test("a viewer from another institution reads and downloads but cannot upload", async ({ page }) => {
  await signIn(page, frgk.email, frgk.password);
  await openLibrary(page);
  await expect(page.getByRole("button", { name: "Wyślij pliki" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Nowy folder" })).toHaveCount(0);
  await expect(page.locator('input[type="file"]')).toHaveCount(0);
  await folderTable(page, "Biblioteka dokumentów").getByRole("link", { name: "Plan komunikacji" }).click();
  await page.waitForURL(`**${folderUrl}`);

  const table = folderTable(page, "Plan komunikacji");
  await expect(table.getByRole("link", { name: pdf.name })).toBeVisible();
  await expect(table.getByRole("link", { name: docx.name })).toBeVisible();
  await expect(page.getByRole("button", { name: "Wyślij pliki" })).toHaveCount(0);
  await expect(page.locator('input[type="file"]')).toHaveCount(0);
  await expect(page.getByText("Przeciągnij pliki tutaj")).toHaveCount(0);

  // The row menu offers downloading only.
  await table.getByRole("button", { name: `Działania: ${docx.name}` }).click();
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitem")).toHaveText(["Pobierz"]);
  const download = await page.request.get((await menu.getByRole("menuitem", { name: "Pobierz" }).getAttribute("href")) ?? "");
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(Buffer.compare(await download.body(), docx.buffer)).toBe(0); // version 3 = version 1's content
  await page.keyboard.press("Escape");

  // The file page: preview and history, but no new version and no restore.
  await page.goto(docxUrl);
  await expect(page.getByRole("heading", { level: 2, name: docx.name })).toBeVisible();
  await expect(page.getByRole("link", { name: "Pobierz (wersja 3)" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Wyślij nową wersję" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Przywróć wersję/ })).toHaveCount(0);
  await expect(versionsTable(page, docx.name).getByRole("link", { name: "Pobierz wersję 1" })).toBeVisible();

  // The server refuses uploads from a viewer, whatever the page shows.
  const folderId = folderUrl.split("/").pop()!;
  const documentId = docxUrl.split("/").pop()!;
  const intoFolder = await page.request.post(`${workspaceUrl}/biblioteka/wyslij?folder=${folderId}`, {
    multipart: { file: { name: "Wrzutka.pdf", mimeType: "application/pdf", buffer: pdf.buffer } },
  });
  expect(intoFolder.status()).toBe(403);
  expect(await intoFolder.json()).toEqual({ ok: false, error: "library.upload.forbidden" });
  const asVersion = await page.request.post(`${workspaceUrl}/biblioteka/wyslij?dokument=${documentId}`, {
    multipart: { note: "Nie powinno przejść", file: { name: docx.name, mimeType: DOCX_MIME, buffer: docxV2.buffer } },
  });
  expect(asVersion.status()).toBe(403);
  await page.goto(folderUrl);
  await expect(table.getByRole("link", { name: "Wrzutka.pdf" })).toHaveCount(0);

  // A workspace FRGK is not in does not exist for them.
  const rigLibrary = await page.goto(`${rigOnlyUrl}/biblioteka`);
  expect(rigLibrary?.status()).toBe(404);
  const rigUpload = await page.request.post(`${rigOnlyUrl}/biblioteka/wyslij`, {
    multipart: { file: { name: "Wrzutka.pdf", mimeType: "application/pdf", buffer: pdf.buffer } },
  });
  expect(rigUpload.status()).toBe(404);
});
