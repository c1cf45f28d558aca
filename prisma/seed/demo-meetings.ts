// Demo meetings (issue: meetings and consultations). The three open meetings of BKPPT's project
// „Transformacja a rozwój gospodarczy regionu” — the expert inauguration, the workshop day in groups
// and the summary meeting — are in the past, with agendas, attendance, minutes and outcomes (one
// action item of the inauguration became a task of „Zespół ds. promocji FST”). Ahead: a public social
// consultation with external guests who answered the invitation, an FST training run by the ministry,
// an internal coordination meeting of BKPPT and RIG only (FRGK and ARREKS people don't see it) and a
// meeting of the promotion team.
// Dates are relative to the moment the demo runs, in Europe/Warsaw. Idempotent: a meeting whose
// title already exists is left as it is.
import type { Meeting, User } from "~/generated/prisma/client";
import type { MeetingKind, RsvpStatus } from "~/generated/prisma/enums";
import { db, type Tx } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { generateToken, hashToken } from "~/modules/auth/tokens.server";
import { addDays, deadlineFrom, warsawDate, warsawInstant } from "~/modules/tasks/deadline";
import type { DemoInstitutionShort } from "./demo-accounts";
import type { DemoContext } from "./demo";
import { DEMO_PROMOTION_TEAM } from "./demo-teams";

type Client = Tx | typeof db;
type Email = string;

export const DEMO_INAUGURATION = "Inauguracja projektu „Transformacja a rozwój gospodarczy regionu”";
export const DEMO_WORKSHOP_DAY = "Dzień warsztatowy — praca w grupach";
export const DEMO_SUMMARY = "Spotkanie podsumowujące warsztaty";
export const DEMO_CONSULTATION = "Konsultacje społeczne projektu strategii transformacji";
export const DEMO_TRAINING = "Szkolenie: nabory z FST w województwie łódzkim";
export const DEMO_INTERNAL = "Koordynacja BKPPT i RIG: kampania dla przedsiębiorców";
export const DEMO_TEAM_MEETING = "Spotkanie zespołu ds. promocji FST";
export const DEMO_MEETING_TASK_TITLE = "Opublikować relację z inauguracji na stronach partnerów";
export const DEMO_TRAINING_PROVIDER = "Ministerstwo Funduszy i Polityki Regionalnej";

const BK = { coordinator: "koordynator@bkppt.razem.test", katarzyna: "katarzyna.wojcik@bkppt.razem.test", michal: "michal.dabrowski@bkppt.razem.test", joanna: "joanna.gorecka@bkppt.razem.test" };
const FRGK = { coordinator: "koordynator@frgk.razem.test", anna: "anna.lewandowska@frgk.razem.test", grzegorz: "grzegorz.sikora@frgk.razem.test" };
const ARREKS = { coordinator: "koordynator@arreks.razem.test", piotr: "piotr.jablonski@arreks.razem.test", ewa: "ewa.zielinska@arreks.razem.test" };
const RIG = { coordinator: "koordynator@rig.razem.test", lukasz: "lukasz.zak@rig.razem.test", malgorzata: "malgorzata.kowalczyk@rig.razem.test" };

type AgendaSpec = { title: string; start?: string; minutes?: number; owner?: Email; ownerName?: string; notes?: string };
type GuestSpec = { name: string; email: string; rsvp: RsvpStatus };
type OutcomeSpec = { kind: "DECISION" | "ACTION"; text: string; task?: { title: string; assignee: Email; dueInDays: number } };

type MeetingSpec = {
  title: string;
  kind: MeetingKind;
  trainingProvider?: string;
  /** Days from today (negative: past) and Warsaw wall-clock times. */
  day: number;
  start: string;
  end: string;
  place?: string;
  onlineUrl?: string;
  organizer: DemoInstitutionShort;
  createdBy: Email;
  workspace?: "strategy" | "promotion" | "consultations";
  team?: string;
  description: string;
  agenda: AgendaSpec[];
  /** Whole institutions invited: every active person gets a personal row. */
  institutions?: DemoInstitutionShort[];
  /** People invited personally. */
  people?: Email[];
  guests?: GuestSpec[];
  /** Answers of invited people (default: YES for past meetings, PENDING ahead). */
  rsvp?: Record<Email, RsvpStatus>;
  /** Past meetings: who did not come (everybody else who was invited and did not say NO is ticked present). */
  absent?: Email[];
  walkIns?: { name: string; organisation: string }[];
  minutes?: string;
  outcomes?: OutcomeSpec[];
};

const INAUGURATION_MINUTES =
  "<h2>Protokół ze spotkania inauguracyjnego</h2>" +
  "<p>Spotkanie otworzyła Magdalena Wróbel (BKPPT), przedstawiając cele projektu „Transformacja a rozwój gospodarczy regionu” " +
  "i harmonogram trzech otwartych spotkań. W sali było ponad 60 osób: przedstawiciele samorządów, firm, organizacji pozarządowych i mieszkańcy.</p>" +
  "<h3>Wystąpienia ekspertów</h3>" +
  "<ul><li><strong>dr Jan Mazur</strong> omówił skutki wygaszania kopalni i elektrowni dla rynku pracy: do 2036 r. pracę w sektorze węglowym i w jego otoczeniu może stracić kilkanaście tysięcy osób.</li>" +
  "<li><strong>Ewa Kamińska</strong> przedstawiła doświadczenia innych regionów górniczych (Zagłębie Ruhry, Łużyce) — znaczenie wczesnego przekwalifikowania pracowników.</li>" +
  "<li><strong>Piotr Jabłoński</strong> (ARREKS) streścił zasady Funduszu na rzecz Sprawiedliwej Transformacji i terytorialny plan województwa łódzkiego.</li></ul>" +
  "<h3>Dyskusja</h3>" +
  "<p>Uczestnicy pytali o wsparcie dla małych firm kooperujących z elektrownią, o przyszłość terenów pokopalnianych i o ofertę dla młodzieży. " +
  "Padły pierwsze pomysły: wykorzystanie odkrywki na cele kulturalne i turystyczne oraz program mentoringu seniorów dla młodych.</p>" +
  "<h3>Ustalenia</h3>" +
  "<p>Dzień warsztatowy w pięciu grupach odbędzie się za dwa tygodnie. Formularz pomysłów mieszkańców zostanie uruchomiony na stronach partnerów.</p>";

const WORKSHOP_MINUTES =
  "<h2>Protokół z dnia warsztatowego</h2>" +
  "<p>Warsztaty prowadzono równolegle w pięciu grupach. Każda grupa przedstawiła na zakończenie trzy najważniejsze pomysły.</p>" +
  "<ul><li><strong>Samorząd:</strong> wspólna oferta terenów inwestycyjnych gmin, lepsze połączenia autobusowe Bełchatów–Kleszczów.</li>" +
  "<li><strong>Prezesi firm:</strong> centrum kompetencji energetyki odnawialnej, programy przekwalifikowania pracowników.</li>" +
  "<li><strong>Młodzież:</strong> „Zintegrowany city camping”, przestrzeń coworkingowa dla młodych w centrum Bełchatowa.</li>" +
  "<li><strong>Seniorzy:</strong> „Kampanie PR w zakresie integracji wielopokoleniowej”, uniwersytet trzeciego wieku przy parku.</li>" +
  "<li><strong>Przedsiębiorcy:</strong> „Opera na odkrywce”, wspólna marka turystyczna regionu.</li></ul>" +
  "<p>Pomysły trafiają do skrzynki pomysłów i zostaną ocenione przez partnerów przed spotkaniem podsumowującym.</p>";

const SUMMARY_MINUTES =
  "<h2>Protokół ze spotkania podsumowującego</h2>" +
  "<p>BKPPT przedstawił wyniki warsztatów i ponad dwadzieścia pomysłów nadesłanych przez formularz. " +
  "Partnerzy omówili, które z nich pasują do strategii, a które do projektu „Energopolis” zgłoszonego do KPO.</p>" +
  "<p>Ustalono, że projekt strategii zostanie poddany konsultacjom społecznym, a zespół ds. promocji FST przygotuje plan komunikacji na 2027 r.</p>";

const MEETINGS: MeetingSpec[] = [
  {
    title: DEMO_INAUGURATION,
    kind: "SOCIAL_CONSULTATION",
    day: -44,
    start: "10:00",
    end: "13:30",
    place: "BKPPT, sala konferencyjna, ul. Przemysłowa 1, Kleszczów",
    organizer: "BKPPT",
    createdBy: BK.coordinator,
    workspace: "strategy",
    description:
      "<p>Otwarte spotkanie eksperckie rozpoczynające projekt <strong>„Transformacja a rozwój gospodarczy regionu”</strong>. " +
      "Eksperci pokażą, co dla regionu oznacza odejście od węgla, a uczestnicy powiedzą, czego oczekują od strategii.</p>",
    agenda: [
      { title: "Powitanie i cele projektu", start: "10:00", minutes: 15, owner: BK.coordinator },
      { title: "Rynek pracy regionu po zamknięciu kopalni i elektrowni", start: "10:15", minutes: 40, ownerName: "dr Jan Mazur, ekspert ds. rynku pracy" },
      { title: "Doświadczenia innych regionów górniczych w Europie", start: "10:55", minutes: 35, ownerName: "Ewa Kamińska, doradczyni ds. transformacji" },
      { title: "Przerwa kawowa", start: "11:30", minutes: 15 },
      { title: "Fundusz na rzecz Sprawiedliwej Transformacji — co warto wiedzieć", start: "11:45", minutes: 30, owner: ARREKS.piotr },
      { title: "Dyskusja z uczestnikami", start: "12:15", minutes: 60, owner: BK.katarzyna, notes: "Pytania z sali i z formularza zgłoszeniowego." },
      { title: "Zaproszenie na dzień warsztatowy", start: "13:15", minutes: 15, owner: BK.coordinator },
    ],
    institutions: ["BKPPT", "FRGK", "ARREKS", "RIG"],
    absent: [ARREKS.ewa, FRGK.grzegorz],
    rsvp: { [ARREKS.ewa]: "NO", [FRGK.grzegorz]: "MAYBE" },
    guests: [
      { name: "dr Jan Mazur", email: "jan.mazur@ekspert.test", rsvp: "YES" },
      { name: "Ewa Kamińska", email: "ewa.kaminska@doradztwo.test", rsvp: "YES" },
    ],
    walkIns: [
      { name: "Zofia Adamczyk", organisation: "Urząd Gminy Kleszczów" },
      { name: "Robert Wiśniewski", organisation: "Cech Rzemiosł Różnych w Bełchatowie" },
      { name: "Halina Kubiak", organisation: "mieszkanka Bełchatowa" },
    ],
    minutes: INAUGURATION_MINUTES,
    outcomes: [
      { kind: "DECISION", text: "Dzień warsztatowy odbędzie się w pięciu grupach: samorząd, prezesi firm, młodzież, seniorzy, przedsiębiorcy." },
      { kind: "DECISION", text: "Formularz pomysłów mieszkańców będzie otwarty przez co najmniej miesiąc." },
      { kind: "ACTION", text: DEMO_MEETING_TASK_TITLE, task: { title: DEMO_MEETING_TASK_TITLE, assignee: BK.michal, dueInDays: -37 } },
      { kind: "ACTION", text: "Zaprosić szkoły średnie z Bełchatowa do grupy młodzieżowej warsztatów." },
    ],
  },
  {
    title: DEMO_WORKSHOP_DAY,
    kind: "WORKSHOP",
    day: -30,
    start: "09:00",
    end: "15:00",
    place: "BKPPT, sale warsztatowe A–E, ul. Przemysłowa 1, Kleszczów",
    organizer: "BKPPT",
    createdBy: BK.coordinator,
    workspace: "consultations",
    description: "<p>Warsztaty w pięciu grupach: samorząd, prezesi firm, młodzież, seniorzy i przedsiębiorcy. Każda grupa wypracowuje pomysły do strategii.</p>",
    agenda: [
      { title: "Wprowadzenie i podział na grupy", start: "09:00", minutes: 30, owner: BK.coordinator },
      { title: "Praca w grupach — diagnoza potrzeb", start: "09:30", minutes: 90, owner: BK.katarzyna },
      { title: "Obiad", start: "11:00", minutes: 45 },
      { title: "Praca w grupach — pomysły i ich właściciele", start: "11:45", minutes: 120, owner: FRGK.anna },
      { title: "Prezentacje grup i głosowanie", start: "13:45", minutes: 75, owner: RIG.coordinator },
    ],
    institutions: ["BKPPT", "FRGK", "ARREKS", "RIG"],
    absent: [ARREKS.coordinator, RIG.malgorzata],
    rsvp: { [ARREKS.coordinator]: "NO" },
    walkIns: [
      { name: "Kacper Majewski", organisation: "I Liceum Ogólnokształcące w Bełchatowie" },
      { name: "Irena Sobczak", organisation: "Klub Seniora „Pogodna Jesień”" },
    ],
    minutes: WORKSHOP_MINUTES,
    outcomes: [
      { kind: "DECISION", text: "Pomysły z warsztatów trafiają do skrzynki pomysłów w przestrzeni „Strategia transformacji regionu”." },
      { kind: "ACTION", text: "Opisać pomysły z kart warsztatowych w skrzynce pomysłów." },
    ],
  },
  {
    title: DEMO_SUMMARY,
    kind: "COORDINATION",
    day: -9,
    start: "11:00",
    end: "13:00",
    place: "RIG, ul. Kupiecka 4, Bełchatów",
    organizer: "BKPPT",
    createdBy: BK.coordinator,
    workspace: "strategy",
    description: "<p>Prezentacja wyników warsztatów i pomysłów mieszkańców; decyzja, co trafia do projektu strategii.</p>",
    agenda: [
      { title: "Wyniki warsztatów i formularza pomysłów", start: "11:00", minutes: 40, owner: BK.katarzyna },
      { title: "Pomysły a projekt „Energopolis”", start: "11:40", minutes: 30, owner: BK.coordinator },
      { title: "Plan konsultacji społecznych projektu strategii", start: "12:10", minutes: 30, owner: FRGK.coordinator },
      { title: "Sprawy różne", start: "12:40", minutes: 20 },
    ],
    institutions: ["BKPPT", "FRGK", "ARREKS", "RIG"],
    absent: [BK.joanna, ARREKS.ewa, FRGK.grzegorz, RIG.malgorzata],
    minutes: SUMMARY_MINUTES,
    outcomes: [
      { kind: "DECISION", text: "Projekt strategii zostanie poddany konsultacjom społecznym w przyszłym miesiącu." },
      { kind: "DECISION", text: "„Opera na odkrywce” i „Kampanie PR w zakresie integracji wielopokoleniowej” przyjęte do dalszych prac." },
      { kind: "ACTION", text: "FRGK przygotuje ogłoszenie o konsultacjach i formularz uwag." },
    ],
  },
  {
    title: DEMO_CONSULTATION,
    kind: "SOCIAL_CONSULTATION",
    day: 9,
    start: "17:00",
    end: "19:30",
    place: "Miejskie Centrum Kultury w Bełchatowie, ul. Kościuszki 2",
    organizer: "FRGK",
    createdBy: FRGK.coordinator,
    workspace: "consultations",
    description:
      "<p>Otwarte konsultacje projektu <strong>strategii transformacji regionu Bełchatów–Kleszczów</strong>. " +
      "Zapraszamy mieszkańców, organizacje pozarządowe i przedsiębiorców. Uwagi można też przesłać przez formularz pomysłów.</p>",
    agenda: [
      { title: "Prezentacja projektu strategii", start: "17:00", minutes: 30, owner: FRGK.coordinator },
      { title: "Rynek pracy i kształcenie zawodowe", start: "17:30", minutes: 40, owner: ARREKS.piotr },
      { title: "Tereny pokopalniane, turystyka i kultura", start: "18:10", minutes: 40, owner: BK.katarzyna },
      { title: "Uwagi i pytania mieszkańców", start: "18:50", minutes: 40, owner: FRGK.anna },
    ],
    institutions: ["BKPPT", "FRGK", "ARREKS", "RIG"],
    rsvp: { [FRGK.anna]: "YES", [ARREKS.piotr]: "YES", [BK.katarzyna]: "YES", [RIG.lukasz]: "MAYBE", [BK.michal]: "NO" },
    guests: [
      { name: "Krystyna Nowak", email: "krystyna.nowak@poczta.test", rsvp: "YES" },
      { name: "Stowarzyszenie „Razem dla Bełchatowa”", email: "biuro@razemdlabelchatowa.test", rsvp: "YES" },
      { name: "Marek Olszewski", email: "marek.olszewski@firma.test", rsvp: "MAYBE" },
      { name: "Teresa Jankowska", email: "teresa.jankowska@poczta.test", rsvp: "NO" },
      { name: "Adam Król", email: "adam.krol@poczta.test", rsvp: "PENDING" },
    ],
  },
  {
    title: DEMO_TRAINING,
    kind: "TRAINING",
    trainingProvider: DEMO_TRAINING_PROVIDER,
    day: 16,
    start: "10:00",
    end: "14:00",
    onlineUrl: "https://szkolenia.mfipr.test/fst-lodzkie",
    organizer: "ARREKS",
    createdBy: ARREKS.coordinator,
    description:
      "<p>Szkolenie on-line prowadzone przez ministerstwo dla partnerów terytorialnego planu sprawiedliwej transformacji województwa łódzkiego: " +
      "harmonogram naborów, kryteria wyboru projektów, najczęstsze błędy we wnioskach.</p>",
    agenda: [
      { title: "Harmonogram naborów z FST na lata 2027–2028", start: "10:00", minutes: 60, ownerName: "MFiPR, Departament Programów Ponadregionalnych" },
      { title: "Kryteria wyboru projektów", start: "11:00", minutes: 60, ownerName: "MFiPR" },
      { title: "Najczęstsze błędy we wnioskach — studium przypadków", start: "12:15", minutes: 60, ownerName: "MFiPR" },
      { title: "Pytania uczestników", start: "13:15", minutes: 45 },
    ],
    people: [ARREKS.coordinator, ARREKS.piotr, ARREKS.ewa, BK.coordinator, BK.katarzyna, FRGK.anna, RIG.coordinator],
    rsvp: { [ARREKS.coordinator]: "YES", [ARREKS.piotr]: "YES", [BK.katarzyna]: "YES", [FRGK.anna]: "MAYBE" },
  },
  {
    title: DEMO_INTERNAL,
    kind: "COORDINATION",
    day: 3,
    start: "09:30",
    end: "10:30",
    place: "BKPPT, pokój 12",
    onlineUrl: "https://spotkania.bkppt.razem.test/koordynacja",
    organizer: "BKPPT",
    createdBy: BK.coordinator,
    description: "<p>Wewnętrzne ustalenia BKPPT i RIG przed kampanią informacyjną dla przedsiębiorców: terminy konferencji, podział kosztów.</p>",
    agenda: [
      { title: "Terminy konferencji dla przedsiębiorców", start: "09:30", minutes: 20, owner: RIG.coordinator },
      { title: "Podział kosztów druku i spotu radiowego", start: "09:50", minutes: 25, owner: BK.coordinator },
      { title: "Wolne wnioski", start: "10:15", minutes: 15 },
    ],
    institutions: ["BKPPT", "RIG"],
    rsvp: { [RIG.coordinator]: "YES", [RIG.lukasz]: "YES", [BK.katarzyna]: "YES" },
  },
  {
    title: DEMO_TEAM_MEETING,
    kind: "TEAM_MEETING",
    day: 6,
    start: "13:00",
    end: "14:00",
    place: "BKPPT, sala 2",
    organizer: "BKPPT",
    createdBy: BK.coordinator,
    workspace: "promotion",
    team: DEMO_PROMOTION_TEAM,
    description: "<p>Cotygodniowe spotkanie zespołu: stan zadań, ulotka „FST w pigułce”, spot radiowy.</p>",
    agenda: [
      { title: "Stan zadań na tablicy zespołu", start: "13:00", minutes: 20, owner: BK.coordinator },
      { title: "Projekt ulotki „FST w pigułce” — uwagi", start: "13:20", minutes: 20, owner: BK.katarzyna },
      { title: "Scenariusz spotu do lokalnego radia", start: "13:40", minutes: 20, owner: BK.michal },
    ],
    people: [BK.coordinator, BK.katarzyna, BK.michal, RIG.coordinator, RIG.lukasz],
    rsvp: { [BK.coordinator]: "YES", [BK.katarzyna]: "YES", [RIG.lukasz]: "MAYBE" },
  },
];

function person(ctx: DemoContext, email: string): User {
  const user = ctx.people.byEmail[email];
  if (!user) throw new Error(`demo-meetings: no demo account ${email}`);
  return user;
}

export type DemoMeetings = Meeting[];

/** The demo meetings. Idempotent by title: an existing meeting is left alone (and not returned). */
export async function seedMeetings(ctx: DemoContext, client: Client = db, now = new Date()): Promise<DemoMeetings> {
  const today = warsawDate(now);
  const created: Meeting[] = [];
  for (const spec of MEETINGS) {
    if (await client.meeting.findFirst({ where: { title: spec.title } })) continue;
    created.push(await createMeeting(client, ctx, spec, today, now));
  }
  return created;
}

async function createMeeting(client: Client, ctx: DemoContext, spec: MeetingSpec, today: string, now: Date): Promise<Meeting> {
  const date = addDays(today, spec.day);
  const startsAt = warsawInstant(date, spec.start);
  const endsAt = warsawInstant(date, spec.end);
  const past = endsAt < now;
  const author = person(ctx, spec.createdBy);
  const createdAt = new Date(Math.min(now.getTime(), startsAt.getTime()) - 14 * 24 * 3600 * 1000);
  const workspaceId = spec.workspace ? (ctx.workspaces?.[spec.workspace].workspace.id ?? null) : null;
  const team = spec.team ? await client.team.findFirst({ where: { name: spec.team, deletedAt: null }, select: { id: true } }) : null;
  const meeting = await client.meeting.create({
    data: {
      title: spec.title,
      kind: spec.kind,
      trainingProvider: spec.trainingProvider ?? null,
      startsAt,
      endsAt,
      place: spec.place ?? null,
      onlineUrl: spec.onlineUrl ?? null,
      organizerInstitutionId: ctx.institutions[spec.organizer].id,
      workspaceId,
      teamId: team?.id ?? null,
      description: spec.description,
      minutes: spec.minutes ?? "",
      minutesUpdatedAt: spec.minutes ? new Date(endsAt.getTime() + 24 * 3600 * 1000) : null,
      minutesUpdatedById: spec.minutes ? author.id : null,
      createdById: author.id,
      createdAt,
      agenda: {
        create: spec.agenda.map((a, i) => ({
          position: i + 1,
          title: a.title,
          ownerId: a.owner ? person(ctx, a.owner).id : null,
          ownerName: a.owner ? null : (a.ownerName ?? null),
          startTime: a.start ?? null,
          durationMinutes: a.minutes ?? null,
          notes: a.notes ?? "",
        })),
      },
      institutions: { create: (spec.institutions ?? []).map((short) => ({ institutionId: ctx.institutions[short].id, createdAt })) },
    },
  });
  await recordAudit({ actor: author, action: "demo.seed", entityType: "Meeting", entityId: meeting.id, summary: spec.title }, client);

  // Personal invitations: people of the invited institutions (via the institution), then people invited by name.
  const rsvpAt = new Date(createdAt.getTime() + 2 * 24 * 3600 * 1000);
  const answer = (email: string): RsvpStatus => spec.rsvp?.[email] ?? (past ? "YES" : "PENDING");
  const invited = new Map<string, { email: string; viaInstitutionId: string | null }>();
  for (const short of spec.institutions ?? []) {
    for (const u of [ctx.people.coordinators[short], ...ctx.people.members[short]]) invited.set(u.id, { email: u.email, viaInstitutionId: ctx.institutions[short].id });
  }
  for (const email of spec.people ?? []) {
    const u = person(ctx, email);
    if (!invited.has(u.id)) invited.set(u.id, { email, viaInstitutionId: null });
  }
  const attendanceRows: { invitationId: string; name: string; organisation: string | null; present: boolean }[] = [];
  for (const [userId, { email, viaInstitutionId }] of invited) {
    const rsvp = answer(email);
    const inv = await client.meetingInvitation.create({
      data: {
        meetingId: meeting.id,
        userId,
        viaInstitutionId,
        rsvp,
        rsvpAt: rsvp === "PENDING" ? null : rsvpAt,
        rsvpTokenHash: hashToken(generateToken()),
        emailedAt: createdAt,
        invitedById: author.id,
        createdAt,
      },
      select: { id: true },
    });
    const u = person(ctx, email);
    const shortName = (Object.keys(ctx.institutions) as DemoInstitutionShort[]).find((s) => ctx.institutions[s].id === u.institutionId) ?? null;
    attendanceRows.push({ invitationId: inv.id, name: u.name, organisation: shortName, present: rsvp !== "NO" && !(spec.absent ?? []).includes(email) });
  }
  for (const guest of spec.guests ?? []) {
    const inv = await client.meetingInvitation.create({
      data: {
        meetingId: meeting.id,
        guestName: guest.name,
        guestEmail: guest.email,
        rsvp: guest.rsvp,
        rsvpAt: guest.rsvp === "PENDING" ? null : rsvpAt,
        rsvpTokenHash: hashToken(generateToken()),
        emailedAt: createdAt,
        invitedById: author.id,
        createdAt,
      },
      select: { id: true },
    });
    attendanceRows.push({ invitationId: inv.id, name: guest.name, organisation: null, present: guest.rsvp !== "NO" });
  }

  // Attendance, minutes and outcomes only for meetings that already took place.
  if (past) {
    const recordedAt = new Date(endsAt.getTime() + 3600 * 1000);
    await client.meetingAttendance.createMany({
      data: [
        ...attendanceRows.map((r) => ({ ...r, meetingId: meeting.id, recordedById: author.id, recordedAt })),
        ...(spec.walkIns ?? []).map((w) => ({ meetingId: meeting.id, name: w.name, organisation: w.organisation, present: true, recordedById: author.id, recordedAt })),
      ],
    });
    let position = 0;
    for (const outcome of spec.outcomes ?? []) {
      const taskId = outcome.task ? await outcomeTask(client, ctx, author, outcome.task, meeting, today, recordedAt) : null;
      await client.meetingOutcome.create({
        data: { meetingId: meeting.id, kind: outcome.kind, text: outcome.text, position: ++position, taskId, createdById: author.id, createdAt: recordedAt },
      });
    }
  }
  return meeting;
}

/** The action item's task in the promotion team (done: its deadline is long past). Null without the team. */
async function outcomeTask(client: Client, ctx: DemoContext, author: User, spec: NonNullable<OutcomeSpec["task"]>, meeting: Meeting, today: string, createdAt: Date): Promise<string | null> {
  const team = await client.team.findFirst({ where: { name: DEMO_PROMOTION_TEAM, deletedAt: null }, select: { id: true } });
  if (!team) return null;
  const last = await client.task.findFirst({ where: { teamId: team.id }, orderBy: { number: "desc" }, select: { number: true } });
  const bottom = await client.task.findFirst({ where: { teamId: team.id, status: "DONE", deletedAt: null }, orderBy: { position: "desc" }, select: { position: true } });
  const deadline = deadlineFrom(addDays(today, spec.dueInDays));
  const dueDate = deadline.dueDate;
  const done = dueDate < today;
  const assignee = person(ctx, spec.assignee);
  const task = await client.task.create({
    data: {
      teamId: team.id,
      number: (last?.number ?? 0) + 1,
      title: spec.title,
      description: `<p>Zadanie ze spotkania „${meeting.title}”: krótka relacja ze zdjęciami i zaproszenie na dzień warsztatowy.</p>`,
      status: done ? "DONE" : "TODO",
      priority: "NORMAL",
      assigneeId: assignee.id,
      dueAt: deadline.dueAt,
      dueDate,
      dueHasTime: false,
      position: (bottom?.position ?? 0) + 1024,
      createdById: author.id,
      createdAt,
      completedAt: done ? warsawInstant(addDays(dueDate, -1), "15:00") : null,
      labels: { create: [{ label: "spotkania" }] },
    },
  });
  await client.taskEvent.create({ data: { taskId: task.id, actorId: author.id, kind: "created", changes: JSON.stringify({ title: spec.title, meetingId: meeting.id }), createdAt } });
  if (done) await client.taskEvent.create({ data: { taskId: task.id, actorId: assignee.id, kind: "status", changes: JSON.stringify({ status: ["TODO", "DONE"] }), createdAt: task.completedAt ?? createdAt } });
  return task.id;
}
