import { expect, test, type Browser, type Page } from "@playwright/test";
import { accessibilityViolations, screenshot, signIn } from "./helpers";

// Issue 6, "Residents' ideas": a resident with no account submits an idea on a phone-sized
// viewport; bot-like submissions (honeypot filled, or sent too fast) are refused without storing
// anything; the coordinator sees the idea, scores it, accepts it into the strategy and turns it
// into a task in the team from 09; the public list shows the decision without the resident's data.
// Builds on 02-administration (RIG coordinator Paweł Szymański), 05-workspaces („Koncepcja
// promocji FST”, RIG editors) and 09-teams-tasks (the team led by Łukasz Żak).
test.describe.configure({ mode: "serial" });

const coordinator = { email: "koordynator@rig.e2e.test", name: "Paweł Szymański", password: "haslo-koordynatora" };
const TEAM = "Zespół ds. kampanii dla przedsiębiorców";
const WORKSPACE = "Koncepcja promocji FST";

const INTAKE = "Nabór pomysłów E2E — transformacja regionu";
const INTAKE_INTRO = "Czekamy na Wasze pomysły na rozwój Bełchatowa i Kleszczowa po zamknięciu kopalni.";

const resident = { name: "Marianna Testowa", email: "marianna.testowa@mieszkancy.e2e.test" };
const IDEA = {
  title: "Ścieżka rowerowa wokół zalewu Słok",
  description: "Utwardzona ścieżka rowerowa dookoła zalewu, z wypożyczalnią rowerów i punktami odpoczynku. Przyciągnie turystów i mieszkańców.",
  category: "Kultura i turystyka",
  location: "Bełchatów, zalew Słok",
};
const BOT_HONEYPOT = "Tanie kredyty bez BIK — kliknij tutaj";
const BOT_FAST = "Najlepsze kasyno online w regionie";

let reference = "";
let ideaUrl = "";
let taskUrl = "";

// Dates in Warsaw time, as the app counts them.
const warsawIso = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw", year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
const plusDays = (iso: string, days: number) => {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};
/** "24.11.2026", as people type it into a date field. */
const typed = (iso: string) => iso.split("-").reverse().join(".");
const today = warsawIso(new Date());
const lastDay = plusDays(today, 30);
/** "24 listopada 2026", as the app (formatDate) says it. */
const longPl = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return new Intl.DateTimeFormat("pl-PL", { dateStyle: "long", timeZone: "Europe/Warsaw" }).format(new Date(Date.UTC(y, m - 1, d, 12)));
};

/** A full-page screenshot from the top (a scrolled page would paint the fixed header mid-page). */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

const toast = (page: Page, text: string) => page.getByText(text, { exact: true }).first();

/** A signed-out phone (390 × 844), as a resident without an account would come. */
async function phone(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  return { context, page: await context.newPage() };
}

async function fillIdea(page: Page, idea: { title: string; description: string; category: string; location?: string }) {
  await page.getByRole("textbox", { name: /^Tytuł pomysłu/ }).fill(idea.title);
  await page.getByRole("textbox", { name: /^Opis/ }).fill(idea.description);
  await page.getByRole("combobox", { name: /^Kategoria/ }).selectOption({ label: idea.category });
  if (idea.location) await page.getByRole("textbox", { name: /^Miejsce/ }).fill(idea.location);
}

const REFUSED = "Nie udało się przyjąć zgłoszenia. Sprawdź formularz i wyślij go jeszcze raz.";

test("the RIG coordinator opens an intake period handled by a workspace", async ({ page }) => {
  await signIn(page, coordinator.email, coordinator.password);
  await page.goto("/pomysly/nabory");
  await expect(page.getByRole("heading", { level: 1, name: "Nabory pomysłów" })).toBeVisible();
  await page.getByRole("link", { name: "Nowy nabór" }).first().click();
  await expect(page).toHaveURL(/\/pomysly\/nabory\?nowy=1$/);
  const form = page.getByRole("region", { name: "Nowy nabór" });
  await form.getByRole("textbox", { name: /^Nazwa naboru/ }).fill(INTAKE);
  await form.getByRole("textbox", { name: /^Wstęp dla mieszkańców/ }).fill(INTAKE_INTRO);
  // The first day defaults to today; the last one is typed as people do.
  await expect(form.getByRole("textbox", { name: /^Pierwszy dzień naboru/ })).toHaveValue(typed(today));
  const closes = form.getByRole("textbox", { name: /^Ostatni dzień naboru/ });
  await closes.fill(typed(lastDay));
  await closes.press("Tab");
  await form.getByRole("combobox", { name: /^Przestrzeń rozpatrująca pomysły/ }).selectOption({ label: WORKSPACE });
  await expect(form.getByRole("checkbox", { name: /^Pokazuj rozpatrzone pomysły/ })).toBeChecked();
  await form.getByRole("button", { name: "Utwórz nabór" }).click();

  await expect(toast(page, `Utworzono nabór „${INTAKE}”.`)).toBeVisible();
  const table = page.getByRole("table", { name: "Nabory pomysłów" });
  const row = table.getByRole("row").filter({ hasText: INTAKE });
  await expect(row).toContainText("Trwa");
  await expect(row).toContainText(WORKSPACE);
});

test("a resident on a phone submits an idea: the consent rule, then the thank-you page with a reference number", async ({ browser }) => {
  const { context, page } = await phone(browser);
  // Reachable from the sign-in page, without an account.
  await page.goto("/logowanie");
  await page.getByRole("link", { name: /Zgłoś pomysł/ }).click();
  await expect(page).toHaveURL(/\/pomysly$/);
  await expect(page.getByRole("heading", { level: 1, name: "Pomysły dla regionu" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: INTAKE })).toBeVisible();
  await expect(page.getByText(INTAKE_INTRO)).toBeVisible();
  await expect(page.getByText(`Pomysły przyjmujemy do ${longPl(lastDay)} włącznie.`)).toBeVisible();

  await fillIdea(page, IDEA);
  await page.getByRole("textbox", { name: "Imię i nazwisko" }).fill(resident.name);
  await page.getByRole("textbox", { name: "Adres e-mail" }).fill(resident.email);
  const consent = page.getByRole("checkbox", { name: /^Zgadzam się na przetwarzanie moich danych/ });
  await expect(consent).not.toBeChecked();
  // The form is only accepted after a person's minimum fill time (3 s from loading it).
  await page.waitForTimeout(3500);
  expect(await accessibilityViolations(page)).toEqual([]);
  await shot(page, "70-ideas-form-phone");

  // Contact data without consent: refused next to the box, and the focus goes there.
  await page.getByRole("button", { name: "Wyślij pomysł" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nie wysłaliśmy zgłoszenia. Popraw zaznaczone pola i wyślij je ponownie." })).toBeVisible();
  await expect(page.getByText("Zaznacz zgodę na przetwarzanie danych albo usuń imię i nazwisko oraz adres e-mail.")).toBeVisible();
  await expect(consent).toBeFocused();
  // What the resident wrote is kept.
  await expect(page.getByRole("textbox", { name: /^Tytuł pomysłu/ })).toHaveValue(IDEA.title);
  await expect(page.getByRole("textbox", { name: "Adres e-mail" })).toHaveValue(resident.email);
  expect(await accessibilityViolations(page)).toEqual([]);

  await consent.check();
  await page.getByRole("button", { name: "Wyślij pomysł" }).click();
  await page.waitForURL(/\/pomysly\/dziekujemy\/P-\d{4}-\d{4}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Dziękujemy za pomysł!" })).toBeVisible();
  reference = (await page.getByTestId("idea-reference").innerText()).trim();
  expect(reference).toMatch(new RegExp(`^P-${today.slice(0, 4)}-\\d{4}$`));
  expect(page.url()).toContain(reference);
  // The public page shows only the number, nothing the resident wrote.
  await expect(page.getByText(IDEA.title)).toHaveCount(0);
  await expect(page.getByText(resident.email)).toHaveCount(0);
  expect(await accessibilityViolations(page)).toEqual([]);
  await shot(page, "71-ideas-thanks");
  await context.close();
});

test("bot-like submissions (honeypot filled, or sent at once) are refused with a neutral message", async ({ browser }) => {
  const { context, page } = await phone(browser);

  // (a) The honeypot: off-screen and hidden from people, filled in by a naive bot.
  await page.goto("/pomysly");
  await fillIdea(page, { title: BOT_HONEYPOT, description: "Kredyty bez zaświadczeń, szybko i tanio, zadzwoń już dziś do naszego doradcy.", category: "Inne" });
  const honeypot = page.locator('input[name="website"]');
  await expect(honeypot).not.toBeInViewport();
  await honeypot.fill("https://kredyty.example", { force: true });
  await page.waitForTimeout(3500); // past the minimum fill time: only the honeypot gives it away
  await page.getByRole("button", { name: "Wyślij pomysł" }).click();
  await expect(page.getByRole("alert").filter({ hasText: REFUSED })).toBeVisible();
  await expect(page).toHaveURL(/\/pomysly(\?index)?$/); // still the form (Remix posts to "?index"), no thank-you page

  // (b) Too fast: sent straight after loading the form.
  await page.goto("/pomysly");
  await fillIdea(page, { title: BOT_FAST, description: "Wygrywaj codziennie, bonus powitalny dla każdego nowego gracza z regionu.", category: "Gospodarczy / biznesowy" });
  await page.getByRole("button", { name: "Wyślij pomysł" }).click();
  await expect(page.getByRole("alert").filter({ hasText: REFUSED })).toBeVisible();
  await expect(page).toHaveURL(/\/pomysly(\?index)?$/); // still the form (Remix posts to "?index"), no thank-you page
  // The message names no rule a bot could learn from, and no field is blamed.
  await expect(page.getByText("Zaznacz zgodę", { exact: false })).toHaveCount(0);
  await context.close();
});

test("the coordinator's inbox holds exactly the resident's idea, none of the refused ones", async ({ page }) => {
  await signIn(page, coordinator.email, coordinator.password);
  await page.getByRole("navigation", { name: "Nawigacja główna" }).getByRole("link", { name: "Pomysły" }).click();
  await expect(page).toHaveURL(/\/pomysly\/skrzynka/);
  await expect(page.getByRole("heading", { level: 1, name: "Skrzynka pomysłów" })).toBeVisible();
  const table = page.getByRole("table", { name: "Pomysły mieszkańców" });
  await expect(table.locator("tbody tr")).toHaveCount(1);
  const row = table.locator("tbody tr").first();
  await expect(row.getByRole("link", { name: IDEA.title })).toBeVisible();
  await expect(row).toContainText(reference);
  await expect(row).toContainText(IDEA.category);
  await expect(row).toContainText("Nowy");
  await expect(page.getByText(BOT_HONEYPOT)).toHaveCount(0);
  await expect(page.getByText(BOT_FAST)).toHaveCount(0);
  await shot(page, "72-ideas-inbox");

  // The intake's counter agrees: one idea.
  await page.goto("/pomysly/nabory");
  const intakeRow = page.getByRole("table", { name: "Nabory pomysłów" }).getByRole("row").filter({ hasText: INTAKE });
  await expect(intakeRow.getByRole("cell", { name: "1", exact: true })).toBeVisible();
});

test("the coordinator scores the idea, accepts it into the strategy and turns it into a task", async ({ page }) => {
  await signIn(page, coordinator.email, coordinator.password);
  await page.goto("/pomysly/skrzynka");
  await page.getByRole("table", { name: "Pomysły mieszkańców" }).getByRole("link", { name: IDEA.title }).click();
  await page.waitForURL((url) => /^\/pomysly\/[^/]+$/.test(url.pathname) && url.pathname !== "/pomysly/skrzynka");
  ideaUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1, name: `${reference} ${IDEA.title}` })).toBeVisible();
  await expect(page.getByText(IDEA.description)).toBeVisible();
  // The coordinator sees the resident's contact data (kept with their consent).
  await expect(page.getByText(resident.email)).toBeVisible();

  // Scores: impact 4, feasibility 3.
  const scores = page.getByRole("region", { name: "Oceny partnerów" });
  await expect(scores.getByText("Nikt jeszcze nie ocenił tego pomysłu.")).toBeVisible();
  await scores.getByRole("radiogroup", { name: /^Wpływ na region/ }).getByRole("radio", { name: "4", exact: true }).check();
  await scores.getByRole("radiogroup", { name: /^Wykonalność/ }).getByRole("radio", { name: "3", exact: true }).check();
  await scores.getByRole("button", { name: "Zapisz ocenę" }).click();
  await expect(scores.getByText("Twoja ocena: wpływ 4, wykonalność 3")).toBeVisible();
  await expect(scores.getByRole("table", { name: "Kto jak ocenił" })).toContainText(coordinator.name);

  // Nowy → W analizie → Przyjęty do strategii.
  const status = page.getByRole("region", { name: "Status", exact: true });
  const next = status.getByRole("textbox", { name: "Zmień na" });
  await expect(next).toHaveValue("W analizie");
  await status.getByRole("button", { name: "Zmień status" }).click();
  await expect(toast(page, `Zmieniono status pomysłu ${reference}.`)).toBeVisible();
  await expect(status.getByText("W analizie", { exact: true })).toBeVisible();

  await next.click();
  await page.getByRole("option", { name: "Przyjęty", exact: true }).filter({ visible: true }).click();
  await expect(next).toHaveValue("Przyjęty");
  await status.getByRole("radiogroup", { name: /^Przyjęty/ }).getByRole("radio", { name: "do strategii" }).check();
  await status.getByRole("button", { name: "Zmień status" }).click();
  await expect(page.getByRole("heading", { level: 1 }).locator("..")).toContainText("Przyjęty do strategii");
  await expect(status).toContainText("Przyjęty do strategii");

  // A task in the team from 09 (the coordinator of a member institution runs it).
  const taskCard = page.getByRole("region", { name: "Zadanie z pomysłu" });
  await taskCard.getByRole("button", { name: "Utwórz zadanie" }).click();
  const dialog = page.getByRole("dialog", { name: "Utwórz zadanie z pomysłu" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("textbox", { name: /^Zespół/ }).click();
  await page.getByRole("option", { name: TEAM }).filter({ visible: true }).click();
  await expect(dialog.getByRole("textbox", { name: /^Zespół/ })).toHaveValue(TEAM);
  await expect(dialog.getByRole("textbox", { name: /^Tytuł zadania/ })).toHaveValue(IDEA.title);
  await dialog.getByRole("button", { name: "Utwórz zadanie" }).click();
  await expect(dialog).toBeHidden();
  await expect(toast(page, `Utworzono zadanie w zespole „${TEAM}”.`)).toBeVisible();

  // The idea links to the task…
  const links = page.getByRole("region", { name: "Powiązania" });
  const taskLink = links.getByRole("link", { name: IDEA.title });
  await expect(taskLink).toBeVisible();
  await taskLink.click();
  await page.waitForURL(/^.*\/zespoly\/[^/]+\/zadania\/[^/]+$/);
  taskUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(IDEA.title) })).toBeVisible();
  // …and the task links back to the idea.
  const back = page.getByRole("link", { name: `${reference}: ${IDEA.title}` });
  await expect(back).toBeVisible();
  expect(new URL((await back.getAttribute("href")) ?? "", page.url()).pathname).toBe(ideaUrl);
  await back.click();
  await page.waitForURL((url) => url.pathname === ideaUrl);
  await expect(page.getByRole("region", { name: "Powiązania" }).getByRole("link", { name: IDEA.title })).toBeVisible();
  await expect(page.getByRole("region", { name: "Oceny partnerów" })).toContainText("Twoja ocena: wpływ 4, wykonalność 3");
  await shot(page, "73-idea-page");
});

test("the public list shows the accepted idea without the resident's name or email", async ({ browser }) => {
  const { context, page } = await phone(browser);
  await page.goto("/pomysly/przyjete");
  await expect(page.getByRole("heading", { level: 1, name: "Co stało się z pomysłami" })).toBeVisible();
  const list = page.getByRole("list", { name: "Przyjęte pomysły mieszkańców" });
  const card = list.getByRole("listitem").filter({ hasText: IDEA.title });
  await expect(card).toHaveCount(1);
  await expect(card).toContainText("Przyjęty do strategii");
  await expect(card).toContainText(reference);
  await expect(card).toContainText(IDEA.category);
  await expect(page.locator("body")).not.toContainText(resident.name);
  await expect(page.locator("body")).not.toContainText(resident.email);
  await expect(page.locator("body")).not.toContainText(IDEA.description);
  await expect(page.locator("body")).not.toContainText(BOT_HONEYPOT);
  expect(await accessibilityViolations(page)).toEqual([]);
  await context.close();
});

test("the staff pages of the story have no WCAG 2.1 AA violations found by axe", async ({ page }) => {
  await signIn(page, coordinator.email, coordinator.password);
  for (const [path, heading] of [
    ["/pomysly/nabory", "Nabory pomysłów"],
    ["/pomysly/skrzynka", "Skrzynka pomysłów"],
    [ideaUrl, `${reference} ${IDEA.title}`],
    [taskUrl, null],
  ] as const) {
    await page.goto(path);
    if (heading) await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    else await expect(page.getByRole("link", { name: `${reference}: ${IDEA.title}` })).toBeVisible();
    expect(await accessibilityViolations(page), path).toEqual([]);
  }
});
