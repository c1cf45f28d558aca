// Demo residents' ideas (issue 6): the open intake „Nabór pomysłów — jesień 2026” handled by the
// workspace „Strategia transformacji regionu”, with about twenty ideas across categories and
// statuses — among them the real workshop ideas „Opera na odkrywce”, „Zintegrowany city camping”
// and „Kampanie PR w zakresie integracji wielopokoleniowej” — some scored, tagged, commented and
// assigned, one duplicate merged, one accepted idea turned into a task of „Zespół ds. promocji FST”.
// Dates are relative to the day the demo runs. Idempotent: an intake with the same title means the
// step already ran, and nothing is added.
import type { IdeaIntake, User } from "~/generated/prisma/client";
import type { IdeaCategory, IdeaStatus } from "~/generated/prisma/enums";
import { db, type Tx } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { formatReference, referenceYear } from "~/modules/ideas/reference";
import { createTranslator } from "~/utils/i18n";
import type { DemoContext } from "./demo";
import { DEMO_PROMOTION_TEAM } from "./demo-teams";

type Client = Tx | typeof db;

export const DEMO_INTAKE_TITLE = "Nabór pomysłów — jesień 2026";
export const DEMO_STRATEGY_WORKSPACE = "Strategia transformacji regionu";
export const DEMO_IDEA_TASK_TITLE = "Przygotować fiszkę projektową „Opera na odkrywce” do materiałów FST";

const DEMO_INTRO =
  "Partnerzy porozumienia „Bełchatów – Kleszczów RAZEM Możemy Więcej” piszą wspólną strategię transformacji energetycznej regionu. " +
  "Chcemy, żeby znalazły się w niej pomysły mieszkańców — społeczne, gospodarcze, kulturalne i te dotyczące przestrzeni, w której żyjemy.\n\n" +
  "Podczas warsztatów powstały już takie pomysły jak „Opera na odkrywce” czy „Zintegrowany city camping”. Czekamy na kolejne: " +
  "opisz, co chciałbyś zobaczyć w regionie za kilka lat i dlaczego.";

const BK = { coordinator: "koordynator@bkppt.razem.test", katarzyna: "katarzyna.wojcik@bkppt.razem.test", michal: "michal.dabrowski@bkppt.razem.test", joanna: "joanna.gorecka@bkppt.razem.test" };
const FRGK = { coordinator: "koordynator@frgk.razem.test", anna: "anna.lewandowska@frgk.razem.test" };
const ARREKS = { coordinator: "koordynator@arreks.razem.test", piotr: "piotr.jablonski@arreks.razem.test" };
const RIG = { coordinator: "koordynator@rig.razem.test", lukasz: "lukasz.zak@rig.razem.test" };

type Email = string;

type IdeaSpec = {
  key: string;
  title: string;
  description: string;
  category: IdeaCategory;
  location?: string;
  contact?: { name?: string; email?: string };
  daysAgo: number;
  status: IdeaStatus;
  acceptedFor?: "STRATEGY" | "PROJECT";
  publicReason?: string;
  closedDaysAgo?: number;
  /** Contact data erased on the resident's request. */
  erased?: boolean;
  assignee?: Email;
  tags?: string[];
  /** [who, impact, feasibility] */
  scores?: [Email, number, number][];
  comments?: { by: Email; body: string; daysAgo: number }[];
  /** The key of the idea this one duplicates (merged into it). */
  duplicateOf?: string;
};

const IDEAS: IdeaSpec[] = [
  {
    key: "opera",
    title: "Opera na odkrywce",
    description:
      "Letnia scena operowa i koncertowa na dnie lub na skarpie dawnej odkrywki. Naturalny amfiteatr, jakiego nie ma nigdzie w Polsce: " +
      "spektakle pod gołym niebem, festiwal co roku w sierpniu, zwiedzanie terenów pokopalnianych w ciągu dnia. " +
      "Przyciągnie turystów i pokaże, że region po węglu ma co zaoferować.",
    category: "CULTURE_TOURISM",
    location: "Odkrywka Bełchatów, pole Bełchatów",
    contact: { name: "Barbara Nowicka", email: "barbara.nowicka@poczta.test" },
    daysAgo: 28,
    status: "ACCEPTED",
    acceptedFor: "STRATEGY",
    closedDaysAgo: 3,
    assignee: BK.katarzyna,
    tags: ["turystyka", "tereny pokopalniane", "warsztaty"],
    scores: [
      [BK.coordinator, 5, 3],
      [FRGK.coordinator, 5, 3],
      [RIG.coordinator, 4, 4],
      [ARREKS.coordinator, 5, 2],
    ],
    comments: [
      { by: BK.katarzyna, body: "Pomysł z warsztatów październikowych — wrócił też przez formularz. Warto go rozpisać w rozdziale o turystyce.", daysAgo: 20 },
      { by: ARREKS.piotr, body: "Sprawdziłem: rekultywacja w kierunku rekreacyjnym może być kosztem kwalifikowalnym w FST, jeśli połączymy to z miejscami pracy.", daysAgo: 12 },
      { by: BK.coordinator, body: "Przyjmujemy do strategii. Zespół ds. promocji przygotuje fiszkę projektu.", daysAgo: 3 },
    ],
  },
  {
    key: "camping",
    title: "Zintegrowany city camping",
    description:
      "Kemping miejski z miejscami dla kamperów, domkami i polem namiotowym, połączony ścieżką rowerową z centrum i z zalewem. " +
      "Wspólna rezerwacja i jeden bilet na atrakcje regionu (Góra Kamieńsk, punkt widokowy na odkrywkę, baseny w Kleszczowie).",
    category: "CULTURE_TOURISM",
    location: "Bełchatów / Kleszczów",
    daysAgo: 27,
    status: "IN_ANALYSIS",
    assignee: BK.michal,
    tags: ["turystyka", "warsztaty"],
    scores: [
      [BK.coordinator, 4, 4],
      [RIG.lukasz, 3, 4],
    ],
    comments: [{ by: BK.michal, body: "Sprawdzam, czy gmina ma działkę przy zalewie z dostępem do mediów.", daysAgo: 9 }],
  },
  {
    key: "pr",
    title: "Kampanie PR w zakresie integracji wielopokoleniowej",
    description:
      "Cykl kampanii i wydarzeń, w których seniorzy — byli pracownicy kopalni i elektrowni — opowiadają młodym o historii regionu, " +
      "a młodzi uczą seniorów nowych technologii. Nagrania, spotkania w szkołach, wspólne warsztaty.",
    category: "SOCIAL",
    daysAgo: 26,
    status: "ACCEPTED",
    acceptedFor: "PROJECT",
    closedDaysAgo: 5,
    tags: ["seniorzy", "młodzież", "warsztaty"],
    scores: [
      [FRGK.coordinator, 4, 5],
      [FRGK.anna, 4, 5],
    ],
  },
  {
    key: "opera-duplicate",
    title: "Koncerty w wyrobisku kopalni",
    description: "Można by organizować koncerty i przedstawienia w wielkiej dziurze po kopalni, akustyka byłaby niesamowita, a widoki jeszcze lepsze.",
    category: "CULTURE_TOURISM",
    daysAgo: 21,
    status: "REJECTED",
    closedDaysAgo: 15,
    duplicateOf: "opera",
  },
  {
    key: "incubator",
    title: "Inkubator przedsiębiorczości dla byłych pracowników kopalni i elektrowni",
    description:
      "Program dla osób odchodzących z branży węglowej: doradztwo, szkolenia, biurko w inkubatorze i preferencyjna pożyczka na start firmy. " +
      "Najlepiej w parku przemysłowym, blisko firm, które mogą być pierwszymi klientami.",
    category: "ECONOMIC",
    location: "Kleszczów, strefa przemysłowa",
    contact: { name: "Zbigniew Wrona" },
    daysAgo: 25,
    status: "ACCEPTED",
    acceptedFor: "STRATEGY",
    closedDaysAgo: 4,
    tags: ["rynek pracy", "przedsiębiorczość"],
    scores: [
      [BK.coordinator, 5, 4],
      [ARREKS.coordinator, 5, 5],
      [RIG.coordinator, 4, 4],
    ],
  },
  {
    key: "pv",
    title: "Farma fotowoltaiczna na zrekultywowanych zwałowiskach",
    description:
      "Wykorzystać zrekultywowane tereny zwałowisk pod farmy fotowoltaiczne i magazyny energii, z udziałem mieszkańców w spółdzielni energetycznej, " +
      "tak żeby część zysków zostawała w gminach.",
    category: "ENVIRONMENT",
    daysAgo: 24,
    status: "IN_ANALYSIS",
    assignee: ARREKS.piotr,
    tags: ["OZE", "tereny pokopalniane"],
    scores: [[ARREKS.coordinator, 4, 3]],
    comments: [{ by: ARREKS.piotr, body: "Do sprawdzenia własność gruntów i warunki przyłączenia.", daysAgo: 10 }],
  },
  {
    key: "bikes",
    title: "Ścieżki rowerowe wokół zalewu i do strefy przemysłowej",
    description: "Bezpieczna ścieżka rowerowa z Bełchatowa do strefy przemysłowej w Kleszczowie i pętla wokół zalewu. Dojazd do pracy rowerem zamiast samochodem.",
    category: "INFRASTRUCTURE",
    location: "Bełchatów – Kleszczów",
    contact: { email: "rowerem.do.pracy@poczta.test" },
    daysAgo: 6,
    status: "NEW",
  },
  {
    key: "science",
    title: "Centrum nauki o energii w dawnych budynkach elektrowni",
    description:
      "Interaktywne centrum nauki dla dzieci i młodzieży: jak powstaje prąd, skąd bierze się energia, jak wygląda transformacja. " +
      "W części budynków, które przestaną być potrzebne elektrowni.",
    category: "EDUCATION",
    daysAgo: 19,
    status: "IN_ANALYSIS",
    assignee: FRGK.anna,
    tags: ["edukacja", "młodzież"],
    scores: [
      [FRGK.coordinator, 4, 2],
      [BK.joanna, 5, 2],
    ],
  },
  {
    key: "classes",
    title: "Klasy patronackie w zawodach odnawialnych źródeł energii",
    description: "Klasy w technikach w Bełchatowie prowadzone razem z firmami z parku: monter instalacji OZE, technik magazynowania energii, praktyki w firmach.",
    category: "EDUCATION",
    daysAgo: 18,
    status: "ACCEPTED",
    acceptedFor: "PROJECT",
    closedDaysAgo: 6,
    erased: true,
    tags: ["edukacja", "rynek pracy", "OZE"],
    scores: [
      [RIG.coordinator, 5, 5],
      [BK.coordinator, 4, 5],
    ],
  },
  {
    key: "market",
    title: "Targ lokalnych producentów żywności",
    description: "Cotygodniowy targ rolników i małych producentów z gmin regionu, z zadaszonym miejscem i promocją marki lokalnej.",
    category: "ECONOMIC",
    location: "Bełchatów, plac przy ul. Kościuszki",
    daysAgo: 5,
    status: "NEW",
  },
  {
    key: "ropes",
    title: "Całoroczny park linowy i tyrolka na Górze Kamieńsk",
    description: "Rozbudować ofertę Góry Kamieńsk o atrakcje na cały rok: park linowy, tyrolkę i trasy zjazdowe dla rowerów, żeby turyści przyjeżdżali nie tylko zimą.",
    category: "CULTURE_TOURISM",
    location: "Góra Kamieńsk",
    daysAgo: 4,
    status: "NEW",
  },
  {
    key: "water",
    title: "Mała retencja i zieleń w sołectwach",
    description: "Oczka wodne, ogrody deszczowe i nasadzenia drzew w sołectwach, które odczuwają obniżenie poziomu wód gruntowych po odkrywce.",
    category: "ENVIRONMENT",
    contact: { name: "Koło Gospodyń Wiejskich", email: "kgw.solectwo@poczta.test" },
    daysAgo: 3,
    status: "NEW",
  },
  {
    key: "bus",
    title: "Bezpłatna komunikacja do strefy przemysłowej",
    description: "Bezpłatne autobusy na zmiany do strefy przemysłowej z okolicznych miejscowości, zsynchronizowane z godzinami pracy największych firm.",
    category: "INFRASTRUCTURE",
    daysAgo: 15,
    status: "IN_ANALYSIS",
    assignee: RIG.lukasz,
    scores: [[RIG.coordinator, 3, 3]],
    comments: [{ by: RIG.lukasz, body: "Zapytam firmy z RIG, czy dołożyłyby się do kursów.", daysAgo: 7 }],
  },
  {
    key: "seniors",
    title: "Klub seniora cyfrowego",
    description: "Miejsce, w którym seniorzy uczą się obsługi telefonu, bankowości internetowej i e-usług, prowadzone przez wolontariuszy z liceów.",
    category: "SOCIAL",
    daysAgo: 2,
    status: "NEW",
  },
  {
    key: "hydrogen",
    title: "Dolina wodorowa dla firm z parku",
    description: "Wspólna instalacja produkcji zielonego wodoru dla firm z parku przemysłowego i flota autobusów wodorowych dla gmin.",
    category: "ECONOMIC",
    daysAgo: 14,
    status: "IN_ANALYSIS",
    assignee: BK.coordinator,
    tags: ["OZE", "przedsiębiorczość"],
    scores: [
      [BK.coordinator, 5, 2],
      [ARREKS.coordinator, 4, 2],
    ],
  },
  {
    key: "airport",
    title: "Lotnisko pasażerskie w Kleszczowie",
    description: "Regionalne lotnisko pasażerskie z połączeniami do stolic europejskich, żeby inwestorzy mogli łatwo do nas przylatywać.",
    category: "INFRASTRUCTURE",
    daysAgo: 22,
    status: "REJECTED",
    publicReason: "Koszt budowy znacznie przekracza możliwości finansowania z FST, a lotnisko w Łodzi jest w zasięgu godziny jazdy.",
    closedDaysAgo: 10,
  },
  {
    key: "museum",
    title: "Skansen górnictwa węgla brunatnego",
    description: "Plenerowe muzeum z prawdziwą koparką, taśmociągiem i historią kopalni opowiedzianą przez górników.",
    category: "CULTURE_TOURISM",
    daysAgo: 1,
    status: "NEW",
  },
  {
    key: "flats",
    title: "Mieszkania na wynajem dla młodych specjalistów",
    description: "Program mieszkań na wynajem z opcją dojścia do własności, żeby młodzi specjaliści zostawali w regionie po studiach.",
    category: "SOCIAL",
    daysAgo: 11,
    status: "IN_ANALYSIS",
    tags: ["młodzież", "rynek pracy"],
  },
  {
    key: "casino",
    title: "Kasyno i hotel przy zalewie",
    description: "Duże kasyno z hotelem przy zalewie przyciągnęłoby gości z całego kraju.",
    category: "OTHER",
    daysAgo: 17,
    status: "REJECTED",
    publicReason: "Pomysł nie wpisuje się w cele sprawiedliwej transformacji i nie może być finansowany z FST.",
    closedDaysAgo: 8,
  },
  {
    key: "tools",
    title: "Wypożyczalnia narzędzi i sprzętu dla mieszkańców",
    description: "Biblioteka rzeczy: narzędzia, sprzęt ogrodowy i turystyczny do wypożyczenia zamiast kupowania, prowadzona przy domu kultury.",
    category: "OTHER",
    daysAgo: 0,
    status: "NEW",
  },
  {
    key: "retraining",
    title: "Punkt doradztwa zawodowego dla przekwalifikowujących się",
    description: "Jedno miejsce, gdzie pracownik branży węglowej dowie się, jakie ma możliwości szkoleń, dotacji i pracy w nowych branżach.",
    category: "EDUCATION",
    daysAgo: 9,
    status: "NEW",
    tags: ["rynek pracy"],
  },
];

export type DemoIdeas = { intake: IdeaIntake; references: Record<string, string> };

function daysAgo(now: Date, days: number, hour = 10): Date {
  const d = new Date(now.getTime() - days * 24 * 3600 * 1000);
  d.setUTCHours(hour, (days * 7) % 60, 0, 0);
  return d > now ? now : d;
}

function person(ctx: DemoContext, email: string): User {
  const user = ctx.people.byEmail[email];
  if (!user) throw new Error(`demo-ideas: no demo account ${email}`);
  return user;
}

export async function seedIdeas(ctx: DemoContext, client: Client = db, now = new Date()): Promise<DemoIdeas | null> {
  if (await client.ideaIntake.findFirst({ where: { title: DEMO_INTAKE_TITLE } })) return null;
  const coordinator = person(ctx, BK.coordinator);
  const workspace = ctx.workspaces?.strategy.workspace ?? (await client.workspace.findFirst({ where: { name: DEMO_STRATEGY_WORKSPACE } }));
  const intake = await client.ideaIntake.create({
    data: {
      title: DEMO_INTAKE_TITLE,
      intro: DEMO_INTRO,
      opensAt: daysAgo(now, 30, 0),
      closesAt: new Date(now.getTime() + 30 * 24 * 3600 * 1000),
      workspaceId: workspace?.id ?? null,
      publicList: true,
      createdById: coordinator.id,
    },
  });
  await recordAudit({ actor: coordinator, action: "demo.seed", entityType: "IdeaIntake", entityId: intake.id, summary: DEMO_INTAKE_TITLE }, client);

  const consentText = createTranslator("pl")("ideasPublic.form.consent");
  const year = referenceYear(now);
  const ordered = [...IDEAS].sort((a, b) => b.daysAgo - a.daysAgo);
  const ids: Record<string, string> = {};
  const references: Record<string, string> = {};
  let sequence = (await client.idea.count({ where: { reference: { startsWith: `P-${year}-` } } })) + 1;
  for (const spec of ordered) {
    const submittedAt = daysAgo(now, spec.daysAgo, 8 + (spec.daysAgo % 10));
    const closedAt = spec.closedDaysAgo !== undefined ? daysAgo(now, spec.closedDaysAgo, 14) : null;
    const hasContact = !!spec.contact && !spec.erased;
    const reference = formatReference(year, sequence++);
    const original = spec.duplicateOf ? ids[spec.duplicateOf] : null;
    const idea = await client.idea.create({
      data: {
        reference,
        intakeId: intake.id,
        title: spec.title,
        description: spec.description,
        category: spec.category,
        location: spec.location ?? null,
        contactName: hasContact ? (spec.contact?.name ?? null) : null,
        contactEmail: hasContact ? (spec.contact?.email ?? null) : null,
        consentAt: hasContact ? submittedAt : null,
        consentText: hasContact ? consentText : null,
        contactErasedAt: spec.erased ? daysAgo(now, 1, 9) : null,
        status: spec.status,
        acceptedFor: spec.acceptedFor ?? null,
        publicReason: original ? `Połączono z pomysłem ${references[spec.duplicateOf!]}.` : (spec.publicReason ?? null),
        assigneeId: spec.assignee ? person(ctx, spec.assignee).id : null,
        duplicateOfId: original,
        submittedAt,
        closedAt,
        tags: { create: (spec.tags ?? []).map((tag) => ({ tag })) },
        scores: { create: (spec.scores ?? []).map(([email, impact, feasibility]) => ({ userId: person(ctx, email).id, impact, feasibility })) },
        comments: { create: (spec.comments ?? []).map((c) => ({ authorId: person(ctx, c.by).id, body: c.body, createdAt: daysAgo(now, c.daysAgo, 12) })) },
      },
    });
    ids[spec.key] = idea.id;
    references[spec.key] = reference;
    await recordAudit({ actor: null, action: "demo.seed", entityType: "Idea", entityId: idea.id, summary: `${reference} ${spec.title}` }, client);
  }

  await linkOperaTask(ctx, client, ids.opera, references.opera, now);

  // The newest idea reached the coordinators' bells.
  const newest = ordered[ordered.length - 1];
  await client.notification.createMany({
    data: Object.values(ctx.people.coordinators).map((c) => ({
      userId: c.id,
      kind: "idea.new",
      title: "ideasPublic.notify.new",
      data: JSON.stringify({ reference: references[newest.key], title: newest.title }),
      url: `/pomysly/${ids[newest.key]}`,
      entityType: "Idea",
      entityId: ids[newest.key],
      emailState: "SKIPPED",
      createdAt: daysAgo(now, newest.daysAgo, 8),
    })),
  });
  return { intake, references };
}

/** „Opera na odkrywce” was accepted and handed to the promotion team as a task (if the team exists). */
async function linkOperaTask(ctx: DemoContext, client: Client, ideaId: string, reference: string, now: Date) {
  const team = await client.team.findFirst({ where: { name: DEMO_PROMOTION_TEAM, deletedAt: null }, select: { id: true } });
  if (!team) return;
  const coordinator = person(ctx, BK.coordinator);
  const last = await client.task.findFirst({ where: { teamId: team.id }, orderBy: { number: "desc" }, select: { number: true } });
  const top = await client.task.findFirst({ where: { teamId: team.id, status: "TODO", deletedAt: null }, orderBy: { position: "asc" }, select: { position: true } });
  const createdAt = daysAgo(now, 3, 15);
  const task = await client.task.create({
    data: {
      teamId: team.id,
      number: (last?.number ?? 0) + 1,
      title: DEMO_IDEA_TASK_TITLE,
      description:
        `<p>Pomysł mieszkańca ${reference} przyjęty do strategii. Przygotować jednostronicową fiszkę projektu ` +
        "(cel, lokalizacja, szacunkowy koszt, partnerzy) do materiałów promocyjnych FST.</p>",
      status: "TODO",
      priority: "HIGH",
      assigneeId: person(ctx, BK.katarzyna).id,
      position: (top?.position ?? 1024) - 1024,
      createdById: coordinator.id,
      createdAt,
      labels: { create: [{ label: reference }] },
    },
  });
  await client.taskEvent.create({ data: { taskId: task.id, actorId: coordinator.id, kind: "created", changes: JSON.stringify({ title: DEMO_IDEA_TASK_TITLE }), createdAt } });
  await client.ideaLink.create({ data: { ideaId, kind: "TASK", targetId: task.id, createdById: coordinator.id, createdAt } });
}
