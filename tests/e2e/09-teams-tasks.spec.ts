import { expect, test, type Locator, type Page } from "@playwright/test";
import { accessibilityViolations, admin, lastMailTo, linkFrom, screenshot, signIn, signOut } from "./helpers";

// Issue 4, "Executive teams, tasks and deadlines": a coordinator forms a temporary team with people
// from two institutions; the lead creates and assigns tasks; the assignee finds them in Moje
// zadania, moves them on the board with the keyboard only, ticks the checklist and comments with
// a mention; the mentioned lead is notified. Then two editors collide on one task, a person
// outside the team gets 404, and axe checks the pages of the story (last, so that a finding does
// not stop the story itself).
// Builds on 02-administration (RIG coordinator Paweł Szymański, RIG member Łukasz Żak) and
// 05-workspaces (FRGK member Anna Lewandowska).
test.describe.configure({ mode: "serial" });

const coordinator = { email: "koordynator@rig.e2e.test", name: "Paweł Szymański", password: "haslo-koordynatora" };
const lead = { email: "lukasz.zak@rig.e2e.test", name: "Łukasz Żak", password: "haslo-czlonka-rig" };
const frgk = { email: "anna.lewandowska@frgk.e2e.test", name: "Anna Lewandowska", password: "haslo-anny-frgk" };
const outsider = { email: "grzegorz.sikora@frgk.e2e.test", name: "Grzegorz Sikora", password: "haslo-grzegorza-frgk" };

const TEAM = "Zespół ds. kampanii dla przedsiębiorców";
const TASK_TODAY = "Przygotować listę przedsiębiorców do kampanii";
const TASK_NEXT_WEEK = "Zebrać oferty drukarni na ulotki";
const CHECK_ITEM = "Sprawdzić dane w bazie REGON";

let teamUrl = "";
let todayTaskUrl = "";
let nextWeekTaskUrl = "";

// Deadlines in Warsaw time, as the app counts them.
const warsawIso = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw", year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
const plusDays = (iso: string, days: number) => {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};
/** "24.11.2026", as people type it into the task form. */
const typed = (iso: string) => iso.split("-").reverse().join(".");
/** "24 listopada 2026", as the app (formatDate) and the date picker's day buttons say it. */
const longPl = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return new Intl.DateTimeFormat("pl-PL", { dateStyle: "long", timeZone: "Europe/Warsaw" }).format(new Date(Date.UTC(y, m - 1, d, 12)));
};
const today = warsawIso(new Date());
const nextWeek = plusDays(today, 7);
/** The 15th two months ahead: always reachable in the picker with two clicks on "next month". */
const termEnd = (() => {
  const [y, m] = today.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1 + 2, 15)).toISOString().slice(0, 10);
})();

/** Presses Tab (or Shift+Tab) until `target` has the focus: proves it is reachable by keyboard. */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`could not reach ${target} with ${backwards ? "Shift+Tab" : "Tab"}`);
}

/** A full-page screenshot from the top (a scrolled page would paint the fixed header mid-page). */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

const toast = (page: Page, text: string) => page.getByText(text, { exact: true }).first();
const column = (page: Page, name: string) => page.getByRole("region", { name: new RegExp(`^${name} \\(`) });

async function createTask(page: Page, title: string, due: string, priority?: string) {
  await expect(page.getByRole("heading", { level: 2, name: "Nowe zadanie" })).toBeVisible();
  await page.getByRole("textbox", { name: "Tytuł" }).fill(title);
  await page.getByRole("textbox", { name: "Osoba odpowiedzialna" }).click();
  await page.getByRole("option", { name: `${frgk.name} (FRGK)` }).filter({ visible: true }).click();
  const dueField = page.getByRole("textbox", { name: "Termin" });
  await dueField.fill(typed(due));
  await dueField.press("Tab");
  if (priority) {
    await page.getByRole("textbox", { name: "Priorytet" }).click();
    await page.getByRole("option", { name: priority, exact: true }).filter({ visible: true }).click();
  }
  await page.getByRole("button", { name: "Utwórz zadanie" }).click();
  await page.waitForURL((url) => /^\/zespoly\/[^/]+\/zadania\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith("/nowe"));
  await expect(toast(page, `Utworzono zadanie „${title}”.`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(title) })).toBeVisible();
  const details = page.getByRole("region", { name: "Szczegóły zadania" });
  await expect(details).toContainText(frgk.name);
  await expect(details).toContainText(longPl(due));
  return new URL(page.url()).pathname;
}

test("a coordinator forms a temporary team with a lead from RIG and a member from FRGK", async ({ page }) => {
  await signIn(page, coordinator.email, coordinator.password);
  await page.getByRole("navigation", { name: "Nawigacja główna" }).getByRole("link", { name: "Zespoły" }).click();
  await expect(page.getByRole("heading", { name: "Zespoły wykonawcze" })).toBeVisible();
  await page.getByRole("link", { name: "Utwórz zespół" }).first().click();
  await expect(page).toHaveURL(/\/zespoly\/nowy$/);
  await expect(page.getByRole("heading", { name: "Nowy zespół wykonawczy" })).toBeVisible();

  await page.getByRole("textbox", { name: "Nazwa zespołu" }).fill(TEAM);

  // The mandate is a Tiptap editor: typed text and a bold part from the toolbar.
  const mandate = page.getByRole("textbox", { name: /^Mandat/ });
  await mandate.click();
  await page.keyboard.type("Przygotować i przeprowadzić kampanię informacyjną FST dla przedsiębiorców z powiatu bełchatowskiego. ");
  await page.getByRole("toolbar", { name: /Formatowanie: Mandat/ }).getByRole("button", { name: "Pogrubienie" }).click();
  await page.keyboard.type("Rezultat: raport z kampanii.");
  await expect(mandate.locator("strong")).toHaveText("Rezultat: raport z kampanii.");

  await expect(page.getByRole("radio", { name: /Zespół czasowy/ })).toBeChecked();
  // The term starts today (the default); the end is picked in the calendar.
  await expect(page.getByRole("button", { name: /^Początek kadencji/ })).toHaveText(longPl(today));
  await page.getByRole("button", { name: /^Koniec kadencji/ }).click();
  const picker = page.getByRole("dialog").filter({ has: page.locator('[data-direction="next"]') });
  await picker.locator('button[data-direction="next"]').click();
  await picker.locator('button[data-direction="next"]').click();
  await picker.getByRole("button", { name: longPl(termEnd), exact: true }).click();
  await expect(page.getByRole("button", { name: /^Koniec kadencji/ })).toHaveText(longPl(termEnd));

  await page.getByRole("textbox", { name: /^Lider zespołu/ }).click();
  await page.getByRole("option", { name: new RegExp(`^${lead.name}`) }).filter({ visible: true }).click();
  const members = page.getByRole("textbox", { name: /^Członkowie/ });
  await members.click();
  await members.fill("Anna");
  await page.getByRole("option", { name: new RegExp(`^${frgk.name}`) }).filter({ visible: true }).click();
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: "Utwórz zespół" }).click();
  await page.waitForURL((url) => /^\/zespoly\/[^/]+$/.test(url.pathname) && url.pathname !== "/zespoly/nowy");
  teamUrl = new URL(page.url()).pathname;
  await expect(toast(page, `Utworzono zespół „${TEAM}”. Członkowie dostali powiadomienie.`)).toBeVisible();

  await expect(page.getByRole("heading", { level: 1, name: TEAM })).toBeVisible();
  await expect(page.getByText("Dostęp koordynatora")).toBeVisible();
  const mandateCard = page.getByRole("region", { name: "Mandat" });
  await expect(mandateCard).toContainText("kampanię informacyjną FST");
  await expect(mandateCard.locator("strong")).toHaveText("Rezultat: raport z kampanii.");
  const about = page.getByRole("region", { name: "O zespole" });
  await expect(about).toContainText("Aktywny"); // the term has begun: active at once
  await expect(about).toContainText("Zespół czasowy");
  await expect(about).toContainText(`${longPl(today)} – ${longPl(termEnd)}`);
  const composition = page.getByRole("region", { name: "Skład zespołu" });
  const rig = composition.getByRole("region", { name: "Regionalna Izba Gospodarcza w Bełchatowie" });
  const frgkGroup = composition.getByRole("region", { name: "Fundacja Rozwoju Gminy Kleszczów" });
  await expect(rig.getByRole("listitem")).toHaveText([`${lead.name}Lider`]);
  await expect(frgkGroup.getByRole("listitem")).toHaveText([`${frgk.name}Członek`]);
  await expect(page.getByText("Zespół nie ma jeszcze zadań.", { exact: false })).toBeVisible();
});

test("the lead creates two tasks for the FRGK member, one due today and one next week, with a checklist item", async ({ page }) => {
  await signIn(page, lead.email, lead.password);
  await page.goto("/zespoly");
  await page.getByRole("link", { name: TEAM }).first().click();
  await page.waitForURL(`**${teamUrl}`);
  await expect(page.getByText("Twoja rola: lider")).toBeVisible();
  await page.getByRole("link", { name: "Dodaj pierwsze zadanie" }).click();
  await page.waitForURL(`**${teamUrl}/zadania/nowe`);
  todayTaskUrl = await createTask(page, TASK_TODAY, today, "Wysoki");

  // The checklist on the task's page.
  const checklist = page.getByRole("region", { name: "Lista kontrolna" });
  await checklist.getByRole("textbox", { name: /^Nowy punkt listy/ }).fill(CHECK_ITEM);
  await checklist.getByRole("button", { name: "Dodaj punkt" }).click();
  await expect(toast(page, "Dodano punkt listy kontrolnej.")).toBeVisible();
  await expect(checklist.getByRole("checkbox", { name: CHECK_ITEM })).not.toBeChecked();
  await expect(checklist).toContainText("Zrobione: 0 z 1");

  await page.goto(`${teamUrl}/zadania/nowe`);
  nextWeekTaskUrl = await createTask(page, TASK_NEXT_WEEK, nextWeek);

  await page.goto(`${teamUrl}/zadania`);
  const list = page.getByRole("table", { name: `Zadania zespołu ${TEAM}` });
  await expect(list.getByRole("link", { name: new RegExp(TASK_TODAY) })).toBeVisible();
  await expect(list.getByRole("link", { name: new RegExp(TASK_NEXT_WEEK) })).toBeVisible();
});

test("the assignee finds both tasks in Moje zadania, grouped by deadline", async ({ page }) => {
  await signIn(page, frgk.email, frgk.password);
  // Assigned tasks arrive as notifications too.
  await page.getByRole("button", { name: /^Powiadomienia, \d+ nieprzeczytan/ }).click();
  await expect(page.getByRole("button", { name: new RegExp(`${lead.name} przydziela Ci zadanie „${TASK_TODAY}”`) })).toBeVisible();
  await expect(page.getByRole("button", { name: new RegExp(`${coordinator.name} dodaje Cię do zespołu „${TEAM}”`) })).toBeVisible();
  await page.keyboard.press("Escape");

  await page.getByRole("navigation", { name: "Nawigacja główna" }).getByRole("link", { name: "Moje zadania" }).click();
  await expect(page).toHaveURL(/\/zadania$/);
  await expect(page.getByRole("heading", { level: 1, name: "Moje zadania" })).toBeVisible();
  const todayGroup = page.getByRole("region", { name: "Dziś" });
  const laterGroup = page.getByRole("region", { name: "Później" });
  await expect(todayGroup.getByRole("link", { name: new RegExp(TASK_TODAY) })).toBeVisible();
  await expect(todayGroup.getByRole("row").filter({ hasText: TASK_TODAY })).toContainText(TEAM);
  await expect(todayGroup.getByRole("row").filter({ hasText: TASK_TODAY })).toContainText(longPl(today));
  await expect(todayGroup.getByRole("row").filter({ hasText: TASK_TODAY })).toContainText("Do zrobienia");
  await expect(todayGroup).not.toContainText(TASK_NEXT_WEEK);
  await expect(laterGroup.getByRole("link", { name: new RegExp(TASK_NEXT_WEEK) })).toBeVisible();
  await expect(laterGroup.getByRole("row").filter({ hasText: TASK_NEXT_WEEK })).toContainText(longPl(nextWeek));
  await expect(page.getByRole("region", { name: "Przeterminowane" })).toHaveCount(0);
  await shot(page, "62-my-tasks");
});

test("the assignee moves both cards to „W toku” with the keyboard only: Alt+→ and the Przenieś dialog", async ({ page }) => {
  await signIn(page, frgk.email, frgk.password);
  await page.goto("/zadania");
  // The team's name in Moje zadania leads to its board.
  await page.getByRole("region", { name: "Dziś" }).getByRole("link", { name: TEAM }).click();
  await page.waitForURL(`**${teamUrl}/tablica`);
  await expect(page.getByText("Przeciągnij kartę do innej kolumny albo użyj przycisku „Przenieś”", { exact: false })).toBeVisible();

  const todo = column(page, "Do zrobienia");
  const inProgress = column(page, "W toku");
  const cardToday = page.getByRole("link", { name: new RegExp(`#1 ${TASK_TODAY}`) });
  await expect(todo.getByRole("listitem")).toHaveCount(2);
  await expect(inProgress).toContainText("Brak zadań w tej kolumnie.");
  await expect(todo.getByRole("listitem").filter({ hasText: TASK_TODAY })).toContainText(`Osoba odpowiedzialna: ${frgk.name}`);
  await expect(todo.getByRole("listitem").filter({ hasText: TASK_TODAY })).toContainText("Lista kontrolna: 0 z 1");
  // The card's link tells screen readers how to move it.
  await expect(cardToday).toHaveAccessibleDescription(/Alt \+ strzałka w lewo lub w prawo przenosi kartę do sąsiedniej kolumny/);

  // 1. Alt + → on the focused card: to the top of the next column; the focus stays on the card.
  await page.locator("body").focus();
  await tabTo(page, cardToday);
  await page.keyboard.press("Alt+ArrowRight");
  await expect(page.getByRole("status").filter({ hasText: "Przeniesiono #1 do kolumny W toku." })).toBeAttached();
  await expect(inProgress.getByRole("link", { name: new RegExp(TASK_TODAY) })).toBeVisible();
  await expect(todo.getByRole("link", { name: new RegExp(TASK_TODAY) })).toHaveCount(0);
  await expect(cardToday).toBeFocused();

  // 2. The Przenieś dialog, by keyboard: column "W toku", place "after #1".
  const moveButton = page.getByRole("button", { name: "Przenieś zadanie #2" });
  await tabTo(page, moveButton, { backwards: true });
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Przenieś zadanie #2" });
  await expect(dialog).toBeVisible();
  const columnSelect = dialog.getByRole("combobox", { name: "Kolumna" });
  await expect(columnSelect).toBeFocused();
  await expect(columnSelect).toHaveValue("TODO");
  await page.keyboard.press("ArrowDown");
  await expect(columnSelect).toHaveValue("IN_PROGRESS");
  await page.keyboard.press("Tab");
  const placeSelect = dialog.getByRole("combobox", { name: "Miejsce w kolumnie" });
  await expect(placeSelect).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(placeSelect.locator("option:checked")).toHaveText(`Po: #1 ${TASK_TODAY}`);
  await page.keyboard.press("Tab"); // Anuluj
  await page.keyboard.press("Tab"); // Przenieś
  await expect(dialog.getByRole("button", { name: "Przenieś" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Przeniesiono #2 do kolumny W toku." })).toBeAttached();
  await expect(inProgress.getByRole("listitem")).toHaveCount(2);
  await expect(inProgress.getByRole("link")).toHaveText([new RegExp(TASK_TODAY), new RegExp(TASK_NEXT_WEEK)]);
  await expect(todo).toContainText("Brak zadań w tej kolumnie.");
  await expect(page.getByRole("button", { name: "Przenieś zadanie #2" })).toBeFocused();

  // The server has it: after a reload the board is the same.
  await page.reload();
  await expect(inProgress.getByRole("link")).toHaveText([new RegExp(TASK_TODAY), new RegExp(TASK_NEXT_WEEK)]);
  await shot(page, "61-board");
});

test("the assignee ticks the checklist and comments with a mention of the lead", async ({ page }) => {
  await signIn(page, frgk.email, frgk.password);
  await page.goto(teamUrl + "/tablica");
  await page.getByRole("link", { name: new RegExp(`#1 ${TASK_TODAY}`) }).click();
  await page.waitForURL(`**${todayTaskUrl}`);
  await expect(page.getByRole("region", { name: "Szczegóły zadania" })).toContainText("W toku");

  const checklist = page.getByRole("region", { name: "Lista kontrolna" });
  await checklist.getByRole("checkbox", { name: CHECK_ITEM }).check();
  await expect(toast(page, "Odhaczono punkt listy.")).toBeVisible();
  await expect(checklist).toContainText("Zrobione: 1 z 1");
  await page.reload();
  await expect(checklist.getByRole("checkbox", { name: CHECK_ITEM })).toBeChecked();

  // The mention picker: "@" and the beginning of a name, arrows and Enter pick.
  const box = page.getByRole("textbox", { name: "Nowy komentarz" });
  await box.click();
  await box.pressSequentially("Lista gotowa, @Łuk");
  const suggestions = page.getByRole("listbox", { name: "Osoby, o których możesz wspomnieć" });
  await expect(suggestions.getByRole("option")).toHaveText([/Łukasz Żak\s*RIG/]);
  await page.keyboard.press("Enter");
  await expect(box).toHaveValue("Lista gotowa, @Łukasz Żak ");
  await box.pressSequentially("czy możesz ją przejrzeć przed wysyłką?");
  await page.getByRole("button", { name: "Dodaj komentarz" }).click();
  await expect(toast(page, "Dodano komentarz.")).toBeVisible();
  await expect(box).toHaveValue("");
  const comments = page.getByRole("region", { name: /^Komentarze/ });
  await expect(comments.getByRole("heading", { name: "Komentarze (1)" })).toBeVisible();
  const comment = comments.getByRole("listitem").first();
  await expect(comment).toContainText(frgk.name);
  await expect(comment).toContainText("@Łukasz Żak");
  await expect(comment).toContainText("czy możesz ją przejrzeć przed wysyłką?");
  await expect(page.getByRole("region", { name: "Historia zmian" })).toContainText(`${frgk.name}: odhaczenie punktu: „${CHECK_ITEM}”`);

  await page.reload(); // without the toasts
  await expect(comments.getByRole("heading", { name: "Komentarze (1)" })).toBeVisible();
  await shot(page, "63-task-page");

  // Her deadlines in the month calendar.
  await page.goto("/zadania/kalendarz");
  await expect(page.getByRole("heading", { level: 1, name: "Kalendarz terminów" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(TASK_TODAY);
  await shot(page, "64-calendar");
});

test("the mentioned lead is notified, and the notification opens the comment on the task", async ({ page }) => {
  await signIn(page, lead.email, lead.password);
  const bell = page.getByRole("button", { name: /^Powiadomienia, \d+ nieprzeczytan/ });
  await expect(bell).toBeVisible();
  await bell.click();
  const mention = page.getByRole("button", { name: new RegExp(`${frgk.name} wspomina o Tobie w komentarzu do zadania „${TASK_TODAY}”`) });
  await expect(mention).toBeVisible();
  await mention.click();
  await page.waitForURL((url) => url.pathname === todayTaskUrl && url.hash.length > 1);
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(TASK_TODAY) })).toBeVisible();
  await expect(page.locator(decodeURIComponent(new URL(page.url()).hash))).toContainText("czy możesz ją przejrzeć przed wysyłką?");

  await page.goto("/powiadomienia");
  await expect(page.getByRole("main").getByRole("button", { name: new RegExp(`${frgk.name} wspomina o Tobie w komentarzu do zadania „${TASK_TODAY}”`) })).toBeVisible();

  // The team's overview with its progress, as the lead sees it.
  await page.goto(teamUrl);
  await expect(page.getByRole("region", { name: "Postęp prac" })).toContainText("0 z 2");
  await shot(page, "60-team-page");
});

test("two people save the same task: the second sees the conflict and nothing is overwritten", async ({ browser }) => {
  const leadContext = await browser.newContext();
  const coordinatorContext = await browser.newContext();
  const leadPage = await leadContext.newPage();
  const coordinatorPage = await coordinatorContext.newPage();
  try {
    await signIn(leadPage, lead.email, lead.password);
    await signIn(coordinatorPage, coordinator.email, coordinator.password);
    for (const p of [leadPage, coordinatorPage]) {
      await p.goto(nextWeekTaskUrl);
      await p.getByRole("button", { name: "Edytuj zadanie" }).click();
      await expect(p.getByRole("heading", { name: "Edycja zadania" })).toBeVisible();
    }

    const leadTitle = `${TASK_NEXT_WEEK} (trzy oferty)`;
    await leadPage.getByRole("textbox", { name: "Tytuł" }).fill(leadTitle);
    await leadPage.getByRole("button", { name: "Zapisz zmiany" }).click();
    await expect(toast(leadPage, "Zapisano zmiany w zadaniu #2.")).toBeVisible();
    await expect(leadPage.getByRole("heading", { level: 2, name: new RegExp(leadTitle.replace(/[()]/g, "\\$&")) })).toBeVisible();

    const coordinatorTitle = `${TASK_NEXT_WEEK} — pilne`;
    await coordinatorPage.getByRole("textbox", { name: "Tytuł" }).fill(coordinatorTitle);
    await coordinatorPage.getByRole("button", { name: "Zapisz zmiany" }).click();
    const conflict = coordinatorPage.getByRole("alert").filter({ hasText: "Ktoś inny zapisał zmiany w tym zadaniu" });
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText("Twoje zmiany nie zostały zapisane — nadal widzisz je w formularzu.");
    await expect(coordinatorPage.getByRole("textbox", { name: "Tytuł" })).toHaveValue(coordinatorTitle);
    await expect(coordinatorPage.getByText("tasks.conflict")).toHaveCount(0); // translated, not a key

    // Loading the newest version shows the lead's title and keeps the refused text beside it.
    await conflict.getByRole("button", { name: "Wczytaj najnowszą wersję" }).click();
    await expect(coordinatorPage.getByRole("textbox", { name: "Tytuł" })).toHaveValue(leadTitle);
    await expect(coordinatorPage.getByText("Twoje niezapisane zmiany")).toBeVisible();
    await expect(coordinatorPage.getByText(`Tytuł: ${coordinatorTitle}`)).toBeVisible();

    // Nothing was overwritten: a fresh look shows the first save.
    await leadPage.reload();
    await expect(leadPage.getByRole("heading", { level: 2, name: new RegExp(leadTitle.replace(/[()]/g, "\\$&")) })).toBeVisible();
    await expect(leadPage.getByText(coordinatorTitle)).toHaveCount(0);
    const history = leadPage.getByRole("region", { name: "Historia zmian" });
    await expect(history).toContainText(`${lead.name}: zmiana tytułu: „${TASK_NEXT_WEEK}” → „${leadTitle}”`);
    await expect(history.getByText(/zmiana tytułu/)).toHaveCount(1);
    await expect(history).not.toContainText(coordinator.name);
  } finally {
    await leadContext.close();
    await coordinatorContext.close();
  }
});

test("a person outside the team gets 404 for the team, its board and its tasks", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.goto("/administracja/osoby/zapros");
  await page.getByLabel("Adres e-mail").fill(outsider.email);
  await page.getByRole("textbox", { name: "Instytucja" }).click();
  await page.getByRole("option", { name: /^FRGK/ }).click();
  await page.getByRole("button", { name: "Wyślij zaproszenie" }).click();
  await expect(page.getByText(`Wysłano zaproszenie na adres ${outsider.email}.`)).toBeVisible();
  await signOut(page);
  await page.goto(linkFrom(await lastMailTo(outsider.email), "/zaproszenie/"));
  await page.getByLabel("Imię i nazwisko").fill(outsider.name);
  await page.getByLabel("Nowe hasło").fill(outsider.password);
  await page.getByLabel("Powtórz hasło").fill(outsider.password);
  await page.getByRole("button", { name: "Dołącz" }).click();
  await expect(page).toHaveURL(/\/pulpit$/);

  await page.goto("/zespoly");
  await expect(page.getByRole("heading", { name: "Zespoły wykonawcze" })).toBeVisible();
  await expect(page.getByText(TEAM)).toHaveCount(0);
  for (const path of [teamUrl, `${teamUrl}/tablica`, `${teamUrl}/zadania`, todayTaskUrl]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Nie znaleziono" })).toBeVisible();
    await expect(page.getByText(TEAM)).toHaveCount(0);
  }
  // Posting to the board is refused the same way.
  const move = await page.request.post(`${teamUrl}/tablica`, { form: { intent: "move", taskId: todayTaskUrl.split("/").pop()!, status: "DONE", place: "top", version: "1" } });
  expect(move.status()).toBe(404);
  await page.goto("/zadania");
  await expect(page.getByText(TASK_TODAY)).toHaveCount(0);
});

test("the pages of the story have no WCAG 2.1 AA violations found by axe", async ({ page }) => {
  const found: Record<string, string[]> = {};
  const check = async (name: string) => {
    found[name] = await accessibilityViolations(page);
  };

  await signIn(page, frgk.email, frgk.password);
  await page.goto(teamUrl);
  await expect(page.getByRole("heading", { level: 1, name: TEAM })).toBeVisible();
  await check("team page (Przegląd)");

  await page.goto(`${teamUrl}/tablica`);
  await expect(column(page, "W toku").getByRole("listitem")).toHaveCount(2);
  await check("board");
  await page.getByRole("button", { name: "Przenieś zadanie #1" }).click();
  await expect(page.getByRole("dialog", { name: "Przenieś zadanie #1" })).toBeVisible();
  await check("board, Przenieś dialog open");
  await page.keyboard.press("Escape");

  await page.goto("/zadania");
  await expect(page.getByRole("region", { name: "Dziś" })).toBeVisible();
  await check("Moje zadania");

  await page.goto(todayTaskUrl);
  await expect(page.getByRole("heading", { name: "Komentarze (1)" })).toBeVisible();
  await check("task page");
  await page.getByRole("textbox", { name: "Nowy komentarz" }).pressSequentially("@Łuk");
  await expect(page.getByRole("listbox", { name: "Osoby, o których możesz wspomnieć" })).toBeVisible();
  await check("task page, mention list open");

  await page.goto("/zadania/kalendarz");
  await expect(page.getByRole("heading", { level: 1, name: "Kalendarz terminów" })).toBeVisible();
  await check("calendar");
  await signOut(page);

  await signIn(page, lead.email, lead.password);
  await page.goto(nextWeekTaskUrl);
  await page.getByRole("button", { name: "Edytuj zadanie" }).click();
  await expect(page.getByRole("heading", { name: "Edycja zadania" })).toBeVisible();
  await check("task page, edit form (lead)");
  await signOut(page);

  await signIn(page, coordinator.email, coordinator.password);
  await page.goto("/zespoly/nowy");
  await expect(page.getByRole("textbox", { name: /^Mandat/ })).toBeVisible();
  await check("new team form (coordinator)");

  expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
});
