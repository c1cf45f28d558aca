import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import Database from "better-sqlite3";
import mammoth from "mammoth";
import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import * as Y from "yjs";
import { rawClient, textOfStored, typeParagraph, waitFor } from "../collab-client";
import { accessibilityViolations, screenshot, signIn } from "./helpers";

// Issue 5, "Real-time co-editing of strategy drafts": an EDITOR (Łukasz Żak, RIG) creates a draft
// in "Koncepcja promocji FST"; he and the RIG coordinator (Paweł Szymański) type into it at the
// same time from two browser contexts and end with the same text, each seeing the other's named
// caret; the FRGK viewer (Anna Lewandowska) sees it live but cannot change it — neither in the
// browser nor with a hand-built Yjs update over a raw WebSocket carrying her session; the server
// is killed with SIGKILL mid-session and started again, and no acknowledged text is lost; a named
// version is saved, the text changed, the two compared and the version restored live for everyone;
// the draft downloads as DOCX (parsed back here), PDF and Markdown.
//
// The kill needs a server this file controls, so it starts its own instance of the built app on
// its own port, on a consistent copy of the e2e database (VACUUM INTO: the copy includes what the
// shared server still has in its WAL), and runs the whole story there. The server runs as
// `node --import tsx server.ts`, so the child's pid is the server itself (a tsx wrapper would
// survive a SIGKILL of its parent). Builds on 02-administration (RIG people) and 05-workspaces
// ("Koncepcja promocji FST": RIG editors, FRGK viewers).
test.describe.configure({ mode: "serial" });

const mainPort = Number(process.env.E2E_PORT ?? 3100);
const appPort = mainPort + 2;
const appUrl = `http://127.0.0.1:${appPort}`;
const collabUrl = `ws://127.0.0.1:${appPort}/collab`;
test.use({ baseURL: appUrl });

const editor = { email: "lukasz.zak@rig.e2e.test", name: "Łukasz Żak", password: "haslo-czlonka-rig" };
const coordinator = { email: "koordynator@rig.e2e.test", name: "Paweł Szymański", password: "haslo-koordynatora" };
const viewer = { email: "anna.lewandowska@frgk.e2e.test", name: "Anna Lewandowska", password: "haslo-anny-frgk" };
const WORKSPACE = "Koncepcja promocji FST";
const TITLE = "Strategia transformacji Bełchatów–Kleszczów 2030 — projekt";
const SAVED = "Połączono — zmiany zapisane";

const sentenceA = "Park przemysłowy przygotuje tereny pod magazyny energii i fotowoltaikę.";
const sentenceB = "Izba gospodarcza zbierze potrzeby firm z łańcucha dostaw kopalni.";

// Made in beforeAll: Playwright also loads this file to list the tests, which must not leave folders.
let dir = "";
let dbFile = "";
let server: ChildProcess | undefined;
let serverOutput = "";
let draftUrl = "";
let draftId = "";

function startServer() {
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(appPort),
      APP_URL: appUrl,
      DATABASE_URL: `file:${dbFile}`,
      STORAGE_DIR: path.join(dir, "files"),
      OUTBOX_DIR: path.join(dir, "outbox"),
      SCHEDULER: "off",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => (serverOutput += d));
  child.stderr?.on("data", (d) => (serverOutput += d));
  server = child;
}

async function healthy() {
  await expect
    .poll(async () => (await fetch(`${appUrl}/healthz`).catch(() => null))?.status ?? 0, { timeout: 30_000, message: `the app instance did not start:\n${serverOutput}` })
    .toBe(200);
}

function exited(child: ChildProcess) {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once("exit", () => resolve()));
}

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "razem-strategy-"));
  dbFile = path.join(dir, "razem.db");
  const shared = new Database(path.resolve("tests/.artifacts/e2e/razem.db"), { readonly: true });
  shared.prepare("VACUUM INTO ?").run(dbFile);
  shared.close();
  startServer();
  await healthy();
});

test.afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    const done = exited(server);
    server.kill("SIGTERM");
    await done;
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** What the database holds for the draft: the body as a fresh server would load it, and who wrote. */
function stored() {
  const sqlite = new Database(dbFile, { readonly: true });
  try {
    const draft = sqlite.prepare("SELECT ydocState FROM StrategyDraft WHERE id = ?").get(draftId) as { ydocState: Buffer | null };
    const rows = sqlite.prepare('SELECT "update", userId FROM StrategyDraftUpdate WHERE draftId = ? ORDER BY id').all(draftId) as { update: Buffer; userId: string | null }[];
    const userIds = sqlite.prepare("SELECT id, email FROM User WHERE email IN (?, ?, ?)").all(editor.email, coordinator.email, viewer.email) as { id: string; email: string }[];
    return {
      text: textOfStored(draft.ydocState ? new Uint8Array(draft.ydocState) : null, rows.map((r) => new Uint8Array(r.update))),
      writers: new Set(rows.map((r) => userIds.find((u) => u.id === r.userId)?.email ?? r.userId)),
      rows: rows.length,
    };
  } finally {
    sqlite.close();
  }
}

async function newPage(browser: Browser, person: { email: string; password: string }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: appUrl, locale: "pl-PL", timezoneId: "Europe/Warsaw" });
  const page = await context.newPage();
  await signIn(page, person.email, person.password);
  return { context, page };
}

const body = (page: Page): Locator => page.getByRole("textbox", { name: "Treść projektu strategii" });
const status = (page: Page) => page.getByRole("status").filter({ hasText: /Połączono|Zapisywanie|Łączenie|Brak połączenia|Brak dostępu/ });

async function openDraft(page: Page) {
  await page.goto(draftUrl);
  await expect(status(page)).toHaveText(SAVED, { timeout: 15_000 });
}

/**
 * The text of each top-level block of the body, without the other people's caret labels (they are
 * widgets inside the text). The editor keeps an empty paragraph after the last heading or table
 * (Tiptap's trailing node), so trailing empty blocks are left out where a test compares content.
 */
async function blocks(page: Page, { keepTrailingEmpty = false } = {}): Promise<string[]> {
  const texts = await body(page).evaluate((el) =>
    [...el.children].map((child) => {
      const copy = child.cloneNode(true) as HTMLElement;
      copy.querySelectorAll(".collaboration-carets__caret").forEach((c) => c.remove());
      return copy.textContent ?? "";
    }),
  );
  if (!keepTrailingEmpty) while (texts.length && texts[texts.length - 1] === "") texts.pop();
  return texts;
}

/**
 * Puts the caret at the end of the paragraph that contains `text` (the End key would stop at the end
 * of a wrapped line): a DOM selection after its last character, which ProseMirror takes over.
 */
async function caretAtEndOf(page: Page, text: string) {
  const paragraph = body(page).locator("p", { hasText: text });
  await paragraph.click();
  await paragraph.evaluate((p) => {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement?.closest(".collaboration-carets__caret") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    let last: Text | null = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) last = n as Text;
    if (!last) throw new Error("empty paragraph");
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(document.createRange());
    selection.getRangeAt(0).setStart(last, last.length);
    selection.collapseToStart();
  });
  // ProseMirror reads the DOM selection on selectionchange.
  await page.waitForTimeout(50);
}

test("an editor creates a strategy draft from the workspace's list", async ({ page }) => {
  await signIn(page, editor.email, editor.password);
  await page.goto("/przestrzenie");
  await page.getByRole("link", { name: WORKSPACE }).click();
  await page.getByRole("link", { name: "Projekty strategii" }).click();
  await expect(page.getByRole("heading", { name: "Projekty strategii" })).toBeVisible();
  // The empty state says what to do.
  await expect(page.getByText("W tej przestrzeni nie ma jeszcze projektów strategii.")).toBeVisible();
  await expect(page.getByText(/Utwórz pierwszy przyciskiem „Nowy projekt strategii”/)).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);

  await page.getByLabel("Tytuł nowego projektu").fill(TITLE);
  await page.getByRole("button", { name: "Nowy projekt strategii" }).click();
  await expect(page.getByText(`Utworzono projekt strategii „${TITLE}”.`)).toBeVisible();
  await expect(page).toHaveURL(/\/strategie\/[A-Za-z0-9_-]+$/);
  draftUrl = new URL(page.url()).pathname;
  draftId = draftUrl.split("/").pop()!;
  await expect(page.getByLabel("Tytuł projektu")).toHaveValue(TITLE);
  await expect(status(page)).toHaveText(SAVED, { timeout: 15_000 });
  await expect(body(page)).toHaveAttribute("contenteditable", "true");

  await page.getByRole("link", { name: "Wróć do projektów strategii" }).click();
  await expect(page.getByRole("table", { name: "Projekty strategii w tej przestrzeni" }).getByRole("link", { name: TITLE })).toBeVisible();
  await screenshot(page, "60-strategy-list");
  expect(await accessibilityViolations(page)).toEqual([]);
});

test("two editors type at the same time, converge to the same text and see each other's named caret", async ({ browser }) => {
  const a = await newPage(browser, editor);
  const b = await newPage(browser, coordinator);
  await openDraft(a.page);
  await openDraft(b.page);

  // Łukasz lays out the section; Paweł sees it arrive.
  await body(a.page).click();
  await a.page.getByRole("button", { name: "Nagłówek 1" }).click();
  await a.page.keyboard.type("Wstęp");
  await a.page.keyboard.press("Enter");
  await a.page.keyboard.type("Zadania BKPPT:");
  await a.page.keyboard.press("Enter");
  await a.page.keyboard.type("Zadania RIG:");
  await expect(body(b.page).locator("h1")).toHaveText("Wstęp");
  await expect(body(b.page).locator("p", { hasText: "Zadania RIG:" })).toBeVisible();
  await expect(b.page.getByRole("navigation", { name: "Spis treści dokumentu" })).toContainText("Wstęp");

  // Both type a sentence into their own paragraph, word by word, at the same time.
  await caretAtEndOf(a.page, "Zadania BKPPT:");
  await caretAtEndOf(b.page, "Zadania RIG:");
  const wordsA = sentenceA.split(" ");
  const wordsB = sentenceB.split(" ");
  for (let i = 0; i < Math.max(wordsA.length, wordsB.length); i++) {
    await Promise.all([
      wordsA[i] ? a.page.keyboard.type(` ${wordsA[i]}`, { delay: 15 }) : null,
      wordsB[i] ? b.page.keyboard.type(` ${wordsB[i]}`, { delay: 15 }) : null,
    ]);
  }

  const expected = ["Wstęp", `Zadania BKPPT: ${sentenceA}`, `Zadania RIG: ${sentenceB}`];
  for (const { page } of [a, b]) {
    await expect.poll(() => blocks(page)).toEqual(expected);
    await expect(status(page)).toHaveText(SAVED);
  }
  // Converged: the same blocks in the same order in both browsers, trailing empty ones included.
  expect(await blocks(a.page, { keepTrailingEmpty: true })).toEqual(await blocks(b.page, { keepTrailingEmpty: true }));
  await expect(body(a.page).locator("h1")).toHaveText(["Wstęp"]);

  // Each sees the other's caret, labelled with the other's name (names come from the session).
  await expect(a.page.locator(".collaboration-carets__label")).toHaveText([coordinator.name]);
  await expect(b.page.locator(".collaboration-carets__label")).toHaveText([editor.name]);
  await expect(a.page.getByRole("group", { name: "Teraz w dokumencie" }).getByRole("img")).toHaveCount(2);
  await expect(a.page.getByText(/^Słowa: \d+$/)).toHaveText(`Słowa: ${expected.join(" ").split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length}`);

  // What the server acknowledged is in the database, written by both.
  await expect.poll(() => stored().text).toBe(expected.join("\n"));
  expect(stored().writers).toEqual(new Set([editor.email, coordinator.email]));

  await screenshot(a.page, "61-strategy-two-carets");
  await screenshot(b.page, "62-strategy-two-carets-other");
  expect(await accessibilityViolations(a.page)).toEqual([]);
  await a.context.close();
  await b.context.close();
});

test("a viewer follows live but cannot change the text, neither in the browser nor over a raw WebSocket", async ({ browser }) => {
  const a = await newPage(browser, editor);
  const v = await newPage(browser, viewer);
  await openDraft(a.page);

  // The list offers a viewer nothing to create.
  await v.page.goto(draftUrl.replace(/\/[^/]+$/, ""));
  await expect(v.page.getByRole("link", { name: TITLE })).toBeVisible();
  await expect(v.page.getByRole("button", { name: "Nowy projekt strategii" })).toHaveCount(0);

  await openDraft(v.page);
  await expect(v.page.getByText("Masz dostęp tylko do odczytu")).toBeVisible();
  await expect(body(v.page)).toHaveAttribute("contenteditable", "false");
  await expect(body(v.page)).toHaveAttribute("aria-readonly", "true");
  // The toolbar offers a viewer only commenting, no formatting.
  await expect(v.page.getByRole("button", { name: "Nagłówek 1" })).toHaveCount(0);
  await expect(v.page.getByRole("button", { name: "Wstaw tabelę" })).toHaveCount(0);
  await expect(v.page.getByLabel("Tytuł projektu")).toHaveCount(0);

  // Live: the editor's new sentence reaches the viewer.
  await caretAtEndOf(a.page, "Zadania RIG:");
  await a.page.keyboard.type(" Na żywo dla czytelników.");
  await expect(body(v.page)).toContainText("Na żywo dla czytelników.");
  await expect(v.page.locator(".collaboration-carets__label")).toHaveText([editor.name]);
  const before = await blocks(a.page);

  // Typing in the viewer's browser changes nothing.
  await body(v.page).locator("p", { hasText: "Zadania RIG:" }).click();
  await v.page.keyboard.type("ZMIANA CZYTELNIKA");
  await v.page.keyboard.press("Enter");
  await v.page.waitForTimeout(500);
  expect(await blocks(v.page)).toEqual(before);
  expect(await blocks(a.page)).toEqual(before);
  await screenshot(v.page, "63-strategy-viewer");
  expect(await accessibilityViolations(v.page)).toEqual([]);

  // A raw client with the viewer's session cookie sends a hand-built Yjs update: refused.
  const cookie = (await v.context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const storedBefore = stored();
  const raw = await rawClient(collabUrl, draftId, { Cookie: cookie, Origin: appUrl });
  raw.authenticate();
  await waitFor(() => raw.replies.find((m) => m.authScope || m.authDenied), { message: "authentication answer" });
  expect(raw.replies.find((m) => m.authScope)?.authScope).toBe("readonly");
  const forged = new Y.Doc();
  typeParagraph(forged, "WŁAMANIE PRZEZ WEBSOCKET");
  raw.sendUpdate(Y.encodeStateAsUpdate(forged));
  await waitFor(() => raw.replies.find((m) => m.syncSaved !== undefined), { message: "sync status" });
  expect(raw.replies.find((m) => m.syncSaved !== undefined)?.syncSaved).toBe(false);
  await a.page.waitForTimeout(500);
  raw.ws.close();

  for (const { page } of [a, v]) await expect(body(page)).not.toContainText("WŁAMANIE");
  const storedAfter = stored();
  expect(storedAfter.text).toBe(storedBefore.text);
  expect(storedAfter.text).not.toContain("WŁAMANIE");
  expect(storedAfter.writers.has(viewer.email)).toBe(false);
  await a.context.close();
  await v.context.close();
});

test("the server is killed mid-session and started again: no acknowledged text is lost", async ({ browser }) => {
  const a = await newPage(browser, editor);
  const b = await newPage(browser, coordinator);
  await openDraft(a.page);
  await openDraft(b.page);

  await caretAtEndOf(a.page, "Zadania BKPPT:");
  await a.page.keyboard.type(" Tekst zapisany przed awarią.");
  await expect(status(a.page)).toHaveText(SAVED);
  await expect(body(b.page)).toContainText("Tekst zapisany przed awarią.");

  // SIGKILL: no shutdown hook runs, nothing is flushed. What was acknowledged must already be stored.
  const killed = server!;
  const gone = exited(killed);
  killed.kill("SIGKILL");
  await gone;
  expect(stored().text).toContain("Tekst zapisany przed awarią.");
  for (const { page } of [a, b]) await expect(status(page)).toHaveText(/Brak połączenia|Łączenie/, { timeout: 10_000 });

  // Writing on while the server is down: the edit waits in the browser and merges on reconnection.
  await a.page.keyboard.type(" Dopisane bez połączenia.");
  await expect(status(a.page)).not.toHaveText(SAVED);

  startServer();
  await healthy();
  for (const { page } of [a, b]) {
    await expect(status(page)).toHaveText(SAVED, { timeout: 20_000 });
    await expect(body(page)).toContainText("Tekst zapisany przed awarią. Dopisane bez połączenia.");
  }
  await expect.poll(() => stored().text).toContain("Tekst zapisany przed awarią. Dopisane bez połączenia.");

  // A fresh browser, which never held the document, loads it all from the server.
  const c = await newPage(browser, coordinator);
  await openDraft(c.page);
  const afterRestart = [
    "Wstęp",
    `Zadania BKPPT: ${sentenceA} Tekst zapisany przed awarią. Dopisane bez połączenia.`,
    `Zadania RIG: ${sentenceB} Na żywo dla czytelników.`,
  ];
  await expect.poll(() => blocks(c.page)).toEqual(afterRestart);
  await expect.poll(() => blocks(a.page)).toEqual(afterRestart);
  for (const x of [a, b, c]) await x.context.close();
});

test("a named version is created, the text changed, the two compared and the version restored for everyone", async ({ browser }) => {
  const a = await newPage(browser, editor);
  const b = await newPage(browser, coordinator);
  await openDraft(a.page);
  await openDraft(b.page);
  const named = await blocks(a.page);

  await a.page.getByRole("button", { name: "Zapisz wersję" }).click();
  const dialog = a.page.getByRole("dialog", { name: "Zapisz wersję" });
  await dialog.getByLabel("Nazwa wersji").fill("Wersja do konsultacji 1");
  await dialog.getByRole("button", { name: "Zapisz wersję" }).click();
  const saved = a.page.getByText(/^Zapisano wersję \d+: Wersja do konsultacji 1\.$/);
  await expect(saved).toBeVisible();
  const number = Number(/wersję (\d+)/.exec((await saved.textContent())!)![1]);

  // The text changes after the version: one sentence rewritten, one paragraph added.
  await caretAtEndOf(a.page, "Zadania RIG:");
  for (let i = 0; i < " Na żywo dla czytelników.".length; i++) await a.page.keyboard.press("Backspace");
  await a.page.keyboard.type(" Uzgodnione z partnerami po konsultacjach.");
  await a.page.keyboard.press("Enter");
  await a.page.keyboard.type("Harmonogram prac na lata 2026–2030.");
  await expect(status(a.page)).toHaveText(SAVED);
  await expect(body(b.page)).toContainText("Harmonogram prac na lata 2026–2030.");

  // History lists the named version with its author; compare it with the current text.
  await a.page.getByRole("link", { name: "Historia wersji" }).click();
  const history = a.page.getByRole("table", { name: `Wersje projektu „${TITLE}”, od najnowszej` });
  const row = history.getByRole("row").filter({ hasText: "Wersja do konsultacji 1" });
  await expect(row).toContainText("Nazwana");
  await expect(row).toContainText(editor.name);
  expect(await accessibilityViolations(a.page)).toEqual([]);
  await a.page.getByRole("radio", { name: `Porównaj od wersji ${number}` }).check();
  await a.page.getByRole("radio", { name: "Bieżący tekst" }).check();
  await a.page.getByRole("button", { name: "Porównaj wybrane" }).click();
  await expect(a.page.getByRole("heading", { name: `Porównanie: wersja ${number} → bieżący tekst` })).toBeVisible();
  // Insertions and deletions are marked up (<ins>/<del> with a hidden word), not by colour alone.
  await expect(a.page.locator("ins", { hasText: "Harmonogram prac na lata 2026–2030." })).toBeVisible();
  await expect(a.page.locator("ins", { hasText: "Uzgodnione" })).toBeVisible();
  // (A word-level diff: the rewritten sentence alternates removed and added words.)
  await expect(a.page.getByRole("deletion").filter({ hasText: "czytelników." })).toBeVisible();
  await expect(a.page.getByRole("insertion").filter({ hasText: "partnerami" })).toBeVisible();
  await expect(a.page.getByRole("insertion").filter({ hasText: "Harmonogram" })).toContainText("Dodano:");
  await screenshot(a.page, "64-strategy-diff");
  expect(await accessibilityViolations(a.page)).toEqual([]);

  // Restore the named version: a new change, for everyone connected; the replaced text is kept.
  await a.page.getByRole("link", { name: "Historia wersji" }).click();
  await a.page.getByRole("button", { name: `Przywróć wersję ${number}` }).click();
  await a.page.getByRole("dialog").getByRole("button", { name: `Przywróć wersję ${number}` }).click();
  await expect(a.page.getByText(`Przywrócono wersję ${number}. Poprzedni tekst zachowano jako wersję.`)).toBeVisible();
  await expect(a.page).toHaveURL(new RegExp(`${draftUrl}$`));
  for (const { page } of [a, b]) {
    await expect.poll(() => blocks(page), { timeout: 10_000 }).toEqual(named);
    await expect(status(page)).toHaveText(SAVED);
  }
  await expect.poll(() => stored().text).toBe(named.join("\n"));

  await a.page.getByRole("link", { name: "Historia wersji" }).click();
  const before = history.getByRole("row").filter({ hasText: "Stan przed przywróceniem" });
  await expect(before).toHaveCount(1);
  await before.getByRole("link").first().click();
  await expect(a.page.getByText("Harmonogram prac na lata 2026–2030.")).toBeVisible();
  await a.context.close();
  await b.context.close();
});

test("the draft downloads as a DOCX that opens with its title and headings (and as PDF and Markdown)", async ({ page }) => {
  await signIn(page, viewer.email, viewer.password);
  await openDraft(page);
  const download = async (format: string) => {
    await page.getByRole("button", { name: "Eksport projektu strategii" }).click();
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: `Pobierz jako ${format}` }).click()]);
    return { name: file.suggestedFilename(), bytes: fs.readFileSync((await file.path())!) };
  };

  const docx = await download("Word (DOCX)");
  expect(docx.name).toMatch(/\.docx$/);
  expect(docx.bytes.subarray(0, 2).toString()).toBe("PK");
  const html = (await mammoth.convertToHtml({ buffer: docx.bytes })).value;
  expect(html).toContain(TITLE);
  expect(html).toContain("<h1>Wstęp</h1>");
  expect(html).toContain(`Zadania BKPPT: ${sentenceA}`);
  expect(html).toContain(`Zadania RIG: ${sentenceB}`);

  const pdf = await download("PDF");
  expect(pdf.name).toMatch(/\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const md = await download("Markdown (MD)");
  expect(md.name).toMatch(/\.md$/);
  // Markdown puts the title on top as "#", so the draft's headings move one level down.
  expect(md.bytes.toString("utf8")).toMatch(new RegExp(`^# ${TITLE}$`, "m"));
  expect(md.bytes.toString("utf8")).toMatch(/^## Wstęp$/m);
});
