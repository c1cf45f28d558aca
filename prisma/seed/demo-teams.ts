// Demo executive teams (issue: teams, tasks and deadlines). Two teams, as the agreement foresees
// "okresowe/czasowe zespoły wykonawcze":
// - „Zespół ds. promocji FST” — temporary, BKPPT and RIG people only (like its workspace), led by
//   the BKPPT coordinator, with a dozen tasks in every state, deadlines spread around the day the
//   demo runs (some overdue, some due today), checklists, comments (one with a mention) and labels;
// - „Zespół ds. monitorowania wdrażania strategii” — periodic (monthly), people from all four
//   institutions, with the recurring „Miesięczny raport z postępów”.
// Dates are relative to the day the demo runs, in Europe/Warsaw. Idempotent: a team that already
// exists (by name) is left as it is.
import type { Team, User } from "~/generated/prisma/client";
import type { TaskPriority, TaskStatus, TeamRole } from "~/generated/prisma/enums";
import { db, type Tx } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { mentionToken } from "~/modules/comments/mentions";
import { notify } from "~/modules/notifications/notifications.server";
import { addDays, deadlineFrom, warsawDate } from "~/modules/tasks/deadline";
import { taskUrl } from "~/modules/tasks/task-urls";
import type { DemoContext } from "./demo";

type Client = Tx | typeof db;

export const DEMO_PROMOTION_TEAM = "Zespół ds. promocji FST";
export const DEMO_MONITORING_TEAM = "Zespół ds. monitorowania wdrażania strategii";
export const DEMO_RECURRENCE_TITLE = "Miesięczny raport z postępów";

export type DemoTeams = { promotion: Team; monitoring: Team };

type Email = string;

type TaskSpec = {
  title: string;
  description?: string;
  status: TaskStatus;
  priority?: TaskPriority;
  assignee?: Email;
  helpers?: Email[];
  /** Days from today (negative: past); undefined: no deadline. */
  due?: number;
  dueTime?: string;
  blockedReason?: string;
  labels?: string[];
  createdDaysAgo: number;
  completedDaysAgo?: number;
  checklist?: [string, boolean][];
  /** `{mention:<email>}` in the body becomes a mention token of that person. */
  comments?: { by: Email; body: string; daysAgo: number }[];
};

const BK = {
  coordinator: "koordynator@bkppt.razem.test",
  katarzyna: "katarzyna.wojcik@bkppt.razem.test",
  michal: "michal.dabrowski@bkppt.razem.test",
};
const RIG = {
  coordinator: "koordynator@rig.razem.test",
  lukasz: "lukasz.zak@rig.razem.test",
  malgorzata: "malgorzata.kowalczyk@rig.razem.test",
};
const FRGK = { coordinator: "koordynator@frgk.razem.test", anna: "anna.lewandowska@frgk.razem.test" };
const ARREKS = { piotr: "piotr.jablonski@arreks.razem.test" };

const PROMOTION_MANDATE =
  "<p>Wypracować <strong>wspólną koncepcję promocji Funduszu na rzecz Sprawiedliwej Transformacji</strong> " +
  "dla przedsiębiorców i mieszkańców regionu Bełchatów–Kleszczów (pkt 4 porozumienia) i przygotować pierwsze działania.</p>" +
  "<ul><li>plan komunikacji na 2027 r. z harmonogramem i podziałem zadań między BKPPT i RIG,</li>" +
  "<li>materiały informacyjne (ulotka, zakładki na stronach, artykuły, spot radiowy),</li>" +
  "<li>cykl spotkań informacyjnych w gminach.</li></ul>" +
  "<p>Zespół kończy pracę raportem z przyjętą koncepcją, zapisanym w bibliotece przestrzeni „Koncepcja promocji FST”.</p>";

const MONITORING_MANDATE =
  "<p>Co miesiąc <strong>sprawdzać postęp wdrażania strategii transformacji</strong>: zbierać od partnerów dane " +
  "do wskaźników, przygotowywać raport z postępów dla koordynatorów i sygnalizować opóźnienia.</p>" +
  "<p>Raport trafia do folderu „Projekty strategii” w przestrzeni „Strategia transformacji regionu”.</p>";

const PROMOTION_TASKS: TaskSpec[] = [
  {
    title: "Lista przedsiębiorców do kampanii informacyjnej",
    description: "<p>Jedna lista firm z regionu (członkowie RIG i firmy z parku BKPPT) z osobami do kontaktu.</p>",
    status: "DONE",
    assignee: RIG.lukasz,
    due: -20,
    labels: ["przedsiębiorcy"],
    createdDaysAgo: 33,
    completedDaysAgo: 21,
    checklist: [
      ["Eksport listy członków RIG", true],
      ["Uzupełnienie o firmy z parku BKPPT", true],
      ["Usunięcie powtórzeń", true],
    ],
  },
  {
    title: "Ankieta o potrzebach informacyjnych firm",
    status: "DONE",
    assignee: RIG.coordinator,
    due: -12,
    labels: ["przedsiębiorcy", "badania"],
    createdDaysAgo: 30,
    completedDaysAgo: 13,
  },
  {
    title: "Zakładka o FST na stronach partnerów",
    status: "DONE",
    assignee: BK.michal,
    due: -4,
    labels: ["komunikacja", "www"],
    createdDaysAgo: 25,
    completedDaysAgo: 3,
  },
  {
    title: "Plan komunikacji FST na 2027 r.",
    description:
      "<p>Plan działań na cały rok: kanały, grupy odbiorców, harmonogram i kto odpowiada. Punkt wyjścia: " +
      "„Harmonogram kampanii.csv” w bibliotece przestrzeni.</p>",
    status: "IN_PROGRESS",
    priority: "HIGH",
    assignee: BK.coordinator,
    helpers: [BK.katarzyna],
    due: 7,
    labels: ["komunikacja"],
    createdDaysAgo: 28,
    checklist: [
      ["Grupy odbiorców i kanały", true],
      ["Harmonogram na pierwszy kwartał", true],
      ["Budżet i podział kosztów BKPPT/RIG", false],
      ["Akceptacja koordynatorów", false],
    ],
    comments: [
      { by: BK.katarzyna, body: "Dodałam do planu harmonogram z pliku „Harmonogram kampanii.csv” — proszę o uwagi.", daysAgo: 3 },
      {
        by: BK.coordinator,
        body: "{mention:lukasz.zak@rig.razem.test} czy RIG potwierdzi do piątku terminy konferencji dla przedsiębiorców? Wpiszemy je do planu.",
        daysAgo: 1,
      },
    ],
  },
  {
    title: "Projekt ulotki „FST w pigułce”",
    description: "<p>Dwustronna ulotka A5: czym jest FST, kto może skorzystać, gdzie szukać pomocy w regionie.</p>",
    status: "IN_REVIEW",
    assignee: BK.katarzyna,
    due: 2,
    labels: ["materiały", "druk"],
    createdDaysAgo: 18,
    comments: [{ by: RIG.coordinator, body: "Uwaga od RIG: dodajmy kontakt do punktu informacyjnego izby na odwrocie.", daysAgo: 2 }],
  },
  {
    title: "Zamówienie druku materiałów promocyjnych",
    status: "BLOCKED",
    blockedReason: "Czekamy na akceptację projektu ulotki „FST w pigułce”.",
    assignee: BK.michal,
    due: 10,
    labels: ["druk"],
    createdDaysAgo: 15,
  },
  {
    title: "Harmonogram spotkań informacyjnych w gminach",
    status: "TODO",
    assignee: RIG.lukasz,
    due: 0,
    labels: ["wydarzenia"],
    createdDaysAgo: 10,
    checklist: [
      ["Bełchatów", false],
      ["Kleszczów", false],
      ["Zelów", false],
    ],
  },
  {
    title: "Rezerwacja sali na spotkanie w Bełchatowie",
    status: "TODO",
    priority: "URGENT",
    assignee: RIG.coordinator,
    due: -3,
    labels: ["wydarzenia"],
    createdDaysAgo: 12,
  },
  {
    title: "Artykuł o naborach FST do newslettera RIG",
    status: "IN_PROGRESS",
    assignee: RIG.lukasz,
    helpers: [BK.michal],
    due: -1,
    dueTime: "12:00",
    labels: ["media"],
    createdDaysAgo: 9,
  },
  {
    title: "Koncepcja kampanii PR w zakresie integracji wielopokoleniowej",
    description: "<p>Rozwinięcie pomysłu z warsztatów w BKPPT: wspólne działania młodzieży i seniorów jako twarz kampanii.</p>",
    status: "TODO",
    assignee: BK.katarzyna,
    labels: ["komunikacja"],
    createdDaysAgo: 6,
  },
  {
    title: "Scenariusz spotu do lokalnego radia",
    status: "TODO",
    priority: "HIGH",
    assignee: BK.michal,
    due: 14,
    labels: ["media"],
    createdDaysAgo: 4,
  },
  {
    title: "Prezentacja na spotkanie podsumowujące",
    status: "TODO",
    priority: "LOW",
    due: 0,
    labels: ["wydarzenia"],
    createdDaysAgo: 2,
  },
];

const MONITORING_TASKS: TaskSpec[] = [
  {
    title: "Zebranie danych o zatrudnieniu od partnerów",
    status: "IN_PROGRESS",
    assignee: ARREKS.piotr,
    helpers: [RIG.malgorzata],
    due: 10,
    labels: ["wskaźniki"],
    createdDaysAgo: 8,
    checklist: [
      ["BKPPT", true],
      ["FRGK", false],
      ["ARREKS", true],
      ["RIG", false],
    ],
  },
  {
    title: "Aktualizacja wskaźników strategii po konsultacjach",
    status: "TODO",
    assignee: BK.katarzyna,
    due: 20,
    labels: ["wskaźniki"],
    createdDaysAgo: 3,
  },
];

const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * 24 * 3600 * 1000);

function person(ctx: DemoContext, email: string): User {
  const user = ctx.people.byEmail[email];
  if (!user) throw new Error(`demo-teams: no demo account ${email}`);
  return user;
}

async function createTeam(
  client: Client,
  ctx: DemoContext,
  spec: { name: string; mandate: string; kind: "TEMPORARY" | "PERIODIC"; cadence: string | null; termStart: string; termEnd: string | null; workspaceId: string | null; createdBy: User; members: [Email, TeamRole][] },
  now: Date,
): Promise<Team> {
  const team = await client.team.create({
    data: {
      name: spec.name,
      mandate: spec.mandate,
      kind: spec.kind,
      cadence: spec.cadence,
      status: "ACTIVE",
      termStart: spec.termStart,
      termEnd: spec.termEnd,
      workspaceId: spec.workspaceId,
      createdById: spec.createdBy.id,
      createdAt: daysAgo(now, 40),
      members: { create: spec.members.map(([email, role]) => ({ userId: person(ctx, email).id, role })) },
    },
  });
  await recordAudit({ actor: spec.createdBy, action: "demo.seed", entityType: "Team", entityId: team.id, summary: spec.name }, client);
  return team;
}

async function createTasks(client: Client, ctx: DemoContext, team: Team, createdBy: User, specs: TaskSpec[], now: Date, firstNumber = 1) {
  const today = warsawDate(now);
  const positions: Partial<Record<TaskStatus, number>> = {};
  let number = firstNumber;
  for (const spec of specs) {
    const deadline = spec.due === undefined ? null : deadlineFrom(addDays(today, spec.due), spec.dueTime ?? null);
    const position = (positions[spec.status] = (positions[spec.status] ?? 0) + 1024);
    const createdAt = daysAgo(now, spec.createdDaysAgo);
    const task = await client.task.create({
      data: {
        teamId: team.id,
        number: number++,
        title: spec.title,
        description: spec.description ?? "",
        status: spec.status,
        blockedReason: spec.blockedReason ?? null,
        priority: spec.priority ?? "NORMAL",
        assigneeId: spec.assignee ? person(ctx, spec.assignee).id : null,
        dueAt: deadline?.dueAt ?? null,
        dueDate: deadline?.dueDate ?? null,
        dueHasTime: deadline?.dueHasTime ?? false,
        position,
        createdById: createdBy.id,
        createdAt,
        completedAt: spec.status === "DONE" ? daysAgo(now, spec.completedDaysAgo ?? 1) : null,
        helpers: { create: (spec.helpers ?? []).map((email) => ({ userId: person(ctx, email).id })) },
        labels: { create: (spec.labels ?? []).map((label) => ({ label })) },
        checklist: {
          create: (spec.checklist ?? []).map(([text, done], i) => ({
            text,
            done,
            position: i + 1,
            doneAt: done ? daysAgo(now, Math.max(0, spec.createdDaysAgo - i - 1)) : null,
            doneById: done && spec.assignee ? person(ctx, spec.assignee).id : null,
          })),
        },
      },
    });
    await client.taskEvent.create({ data: { taskId: task.id, actorId: createdBy.id, kind: "created", changes: JSON.stringify({ title: spec.title }), createdAt } });
    if (spec.status !== "TODO") {
      await client.taskEvent.create({
        data: {
          taskId: task.id,
          actorId: spec.assignee ? person(ctx, spec.assignee).id : createdBy.id,
          kind: "status",
          changes: JSON.stringify({ status: ["TODO", spec.status] }),
          createdAt: spec.status === "DONE" ? daysAgo(now, spec.completedDaysAgo ?? 1) : daysAgo(now, Math.max(0, spec.createdDaysAgo - 2)),
        },
      });
    }
    for (const comment of spec.comments ?? []) {
      const author = person(ctx, comment.by);
      const mentioned: User[] = [];
      const body = comment.body.replace(/\{mention:([^}]+)\}/g, (_, email: string) => {
        const who = person(ctx, email);
        mentioned.push(who);
        return mentionToken(who);
      });
      await client.taskComment.create({ data: { taskId: task.id, authorId: author.id, body, createdAt: daysAgo(now, comment.daysAgo) } });
      await client.taskEvent.create({ data: { taskId: task.id, actorId: author.id, kind: "comment", createdAt: daysAgo(now, comment.daysAgo) } });
      if (mentioned.length) {
        await notify(
          {
            userIds: mentioned.map((u) => u.id),
            kind: "task.mention",
            actorId: author.id,
            title: "notifications.kind.taskMention",
            data: { name: author.name, task: spec.title },
            url: taskUrl(team.id, task.id),
            entityType: "Task",
            entityId: task.id,
          },
          client,
        );
      }
    }
  }
  return number;
}

/** `YYYY-MM-05` of the month `offset` months from the month of `date`. */
function fifthOfMonth(date: string, offset: number): string {
  const [y, m] = date.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 + offset, 5));
  return d.toISOString().slice(0, 10);
}

/** The two demo teams, their tasks and the monthly recurrence. Idempotent by team name. */
export async function seedTeams(ctx: DemoContext, client: Client = db, now = new Date()): Promise<DemoTeams> {
  const today = warsawDate(now);
  const bkCoordinator = person(ctx, BK.coordinator);
  const frgkCoordinator = person(ctx, FRGK.coordinator);

  let promotion = await client.team.findFirst({ where: { name: DEMO_PROMOTION_TEAM } });
  if (!promotion) {
    promotion = await createTeam(
      client,
      ctx,
      {
        name: DEMO_PROMOTION_TEAM,
        mandate: PROMOTION_MANDATE,
        kind: "TEMPORARY",
        cadence: null,
        termStart: addDays(today, -35),
        termEnd: addDays(today, 40),
        workspaceId: ctx.workspaces?.promotion.workspace.id ?? null,
        createdBy: bkCoordinator,
        members: [
          [BK.coordinator, "LEAD"],
          [BK.katarzyna, "MEMBER"],
          [BK.michal, "MEMBER"],
          [RIG.coordinator, "MEMBER"],
          [RIG.lukasz, "MEMBER"],
        ],
      },
      now,
    );
    await createTasks(client, ctx, promotion, bkCoordinator, PROMOTION_TASKS, now);
  }

  let monitoring = await client.team.findFirst({ where: { name: DEMO_MONITORING_TEAM } });
  if (!monitoring) {
    // The report is due on the 5th of every month: the months before today are done, the next one is open.
    const nextDue = fifthOfMonth(today, 0) >= today ? fifthOfMonth(today, 0) : fifthOfMonth(today, 1);
    const startDate = fifthOfMonth(nextDue, -3);
    monitoring = await createTeam(
      client,
      ctx,
      {
        name: DEMO_MONITORING_TEAM,
        mandate: MONITORING_MANDATE,
        kind: "PERIODIC",
        cadence: "MONTHLY",
        termStart: addDays(startDate, -4),
        termEnd: null,
        workspaceId: ctx.workspaces?.strategy.workspace.id ?? null,
        createdBy: frgkCoordinator,
        members: [
          [FRGK.coordinator, "LEAD"],
          [FRGK.anna, "MEMBER"],
          [ARREKS.piotr, "MEMBER"],
          [BK.katarzyna, "MEMBER"],
          [RIG.malgorzata, "MEMBER"],
        ],
      },
      now,
    );
    const anna = person(ctx, FRGK.anna);
    const recurrence = await client.taskRecurrence.create({
      data: {
        teamId: monitoring.id,
        title: DEMO_RECURRENCE_TITLE,
        description: "<p>Stan wskaźników, zrealizowane działania partnerów, opóźnienia i ryzyka. Raport dla koordynatorów.</p>",
        assigneeId: anna.id,
        priority: "HIGH",
        cadence: "MONTHLY",
        day: 5,
        startDate,
        generatedUntil: nextDue,
        createdById: frgkCoordinator.id,
        createdAt: daysAgo(now, 40),
      },
    });
    const dueDates = [0, 1, 2, 3].map((i) => fifthOfMonth(startDate, i)).filter((d) => d <= nextDue);
    let number = 1;
    for (const dueDate of dueDates) {
      const past = dueDate < today;
      const deadline = deadlineFrom(dueDate);
      const created = daysAgo(now, Math.max(1, Math.round((Date.parse(today) - Date.parse(dueDate)) / 86_400_000) + 20));
      const task = await client.task.create({
        data: {
          teamId: monitoring.id,
          number: number++,
          title: DEMO_RECURRENCE_TITLE,
          description: recurrence.description,
          status: past ? "DONE" : "TODO",
          priority: "HIGH",
          assigneeId: anna.id,
          dueAt: deadline.dueAt,
          dueDate: deadline.dueDate,
          dueHasTime: false,
          position: number * 1024,
          recurrenceId: recurrence.id,
          createdById: frgkCoordinator.id,
          createdAt: created,
          completedAt: past ? new Date(deadline.dueAt.getTime() - 2 * 24 * 3600 * 1000) : null,
        },
      });
      await client.taskEvent.create({ data: { taskId: task.id, actorId: null, kind: "created", changes: JSON.stringify({ title: DEMO_RECURRENCE_TITLE, recurrenceId: recurrence.id, dueDate }), createdAt: created } });
    }
    await createTasks(client, ctx, monitoring, frgkCoordinator, MONITORING_TASKS, now, number);
  }
  return { promotion, monitoring };
}
