// The meetings list (/spotkania) and calendar (/spotkania/kalendarz) through their loaders with real
// sessions and a real database: only meetings the person may see (in rows, counts and calendar
// days), upcoming/past split at "now", the kind filter, pagination, the organisers-only trash,
// month/week parameters (bad ones fall back, never a 500), meetings across midnight, and a fixed
// number of SQL statements whatever the number of meetings.
import { describe, expect, it } from "vitest";
import type { MeetingKind } from "~/generated/prisma/enums";
import { db } from "~/utils/db.server";
import { monthOf } from "~/modules/tasks/calendar";
import { addDays, isoWeekday, warsawDate, warsawInstant } from "~/modules/tasks/deadline";
import { meetingWhen } from "~/modules/meetings/components/MeetingListTable";
import * as listRoute from "~/routes/_app.spotkania._index";
import * as calendarRoute from "~/routes/_app.spotkania.kalendarz";
import { buildInstitution, buildUser, loginAs } from "../factories";
import { makeRequest, run } from "../http";
import { countStatements } from "../query-count";

type ListData = Awaited<ReturnType<typeof listRoute.loader>>;
type CalendarData = Awaited<ReturnType<typeof calendarRoute.loader>>;

async function signedIn(overrides: Parameters<typeof buildUser>[0] = {}) {
  const user = await buildUser(overrides);
  return { user, cookie: await loginAs(user.id) };
}

/** BKPPT organises and invites FRGK; ARREKS stays outside. */
async function partnership() {
  const bkppt = await buildInstitution({ shortName: "BKPPT" });
  const frgk = await buildInstitution({ shortName: "FRGK" });
  const arreks = await buildInstitution({ shortName: "ARREKS" });
  const coordinator = await signedIn({ institutionId: bkppt.id, institutionRole: "COORDINATOR", name: "Magdalena Wróbel" });
  const member = await signedIn({ institutionId: bkppt.id, name: "Łukasz Żółkiewski" });
  const frgkPerson = await signedIn({ institutionId: frgk.id, name: "Aleksandra Nowak" });
  const outsider = await signedIn({ institutionId: arreks.id, name: "Anna Lewandowska" });
  return { bkppt, frgk, arreks, coordinator, member, frgkPerson, outsider };
}
type World = Awaited<ReturnType<typeof partnership>>;

let n = 0;
/** A BKPPT meeting with FRGK invited as an institution (unless `invite: false`). */
async function meeting(
  w: World,
  startsAt: Date,
  endsAt: Date,
  opts: { kind?: MeetingKind; invite?: boolean; title?: string; cancelled?: boolean; trashed?: boolean; createdById?: string } = {},
) {
  n++;
  return db.meeting.create({
    data: {
      title: opts.title ?? `Spotkanie ${n}`,
      kind: opts.kind ?? "COORDINATION",
      startsAt,
      endsAt,
      place: "Bełchatów, sala 2",
      organizerInstitutionId: w.bkppt.id,
      createdById: opts.createdById ?? w.coordinator.user.id,
      cancelledAt: opts.cancelled ? new Date() : null,
      deletedAt: opts.trashed ? new Date() : null,
      deletedById: opts.trashed ? w.coordinator.user.id : null,
      institutions: opts.invite === false ? undefined : { create: [{ institutionId: w.frgk.id }] },
      agenda: { create: [{ title: "Otwarcie", position: 1 }] },
    },
  });
}

const HOUR = 3_600_000;
const at = (date: string, time: string) => warsawInstant(date, time);

async function list(cookie: string, qs = ""): Promise<ListData> {
  const res = await run(listRoute.loader, makeRequest(`/spotkania${qs}`, { cookie }));
  expect(res.status).toBe(200);
  return res.data as ListData;
}

async function calendar(cookie: string, qs = ""): Promise<CalendarData> {
  const res = await run(calendarRoute.loader, makeRequest(`/spotkania/kalendarz${qs}`, { cookie }));
  expect(res.status).toBe(200);
  return res.data as CalendarData;
}

const idsIn = (days: CalendarData["days"]) => new Set(Object.values(days).flatMap((d) => d.map((m) => m.id)));

describe("meetings list and calendar: who sees what", () => {
  it("shows an invited institution's meeting to its people, never to another institution (rows, counts, calendar)", async () => {
    const w = await partnership();
    const date = "2026-12-01";
    const m = await meeting(w, at(date, "10:00"), at(date, "12:00"), { title: "Konsultacje: Energopolis" });

    for (const who of [w.frgkPerson, w.coordinator]) {
      const l = await list(who.cookie, "?zakres=wszystkie");
      expect(l.items.map((i) => i.id)).toEqual([m.id]);
      expect(l.page.total).toBe(1);
      expect(l.items[0]._count).toEqual({ agenda: 1, invitations: 0 });
      expect(l.items[0].organizerInstitution.shortName).toBe("BKPPT");
      const c = await calendar(who.cookie, "?miesiac=2026-12");
      expect(c.days[date]?.map((x) => x.id)).toEqual([m.id]);
    }

    const l = await list(w.outsider.cookie, "?zakres=wszystkie");
    expect(l.items).toEqual([]);
    expect(l.page.total).toBe(0);
    const c = await calendar(w.outsider.cookie, "?miesiac=2026-12");
    expect(idsIn(c.days).size).toBe(0);
    const wk = await calendar(w.outsider.cookie, "?widok=tydzien&tydzien=2026-11-30");
    expect(idsIn(wk.days).size).toBe(0);

    // Inviting ARREKS too makes it visible there.
    await db.meetingInstitution.create({ data: { meetingId: m.id, institutionId: w.arreks.id } });
    expect((await list(w.outsider.cookie, "?zakres=wszystkie")).page.total).toBe(1);
    expect(idsIn((await calendar(w.outsider.cookie, "?miesiac=2026-12")).days).has(m.id)).toBe(true);
  });

  it("splits upcoming and past at now: a meeting under way is still upcoming", async () => {
    const w = await partnership();
    const now = Date.now();
    const past = await meeting(w, new Date(now - 50 * HOUR), new Date(now - 48 * HOUR));
    const ongoing = await meeting(w, new Date(now - HOUR), new Date(now + HOUR));
    const later = await meeting(w, new Date(now + 48 * HOUR), new Date(now + 50 * HOUR));
    const soon = await meeting(w, new Date(now + 2 * HOUR), new Date(now + 3 * HOUR));

    const upcoming = await list(w.frgkPerson.cookie);
    expect(upcoming.zakres).toBe("nadchodzace");
    expect(upcoming.items.map((i) => i.id)).toEqual([ongoing.id, soon.id, later.id]); // soonest first
    const minione = await list(w.frgkPerson.cookie, "?zakres=minione");
    expect(minione.items.map((i) => i.id)).toEqual([past.id]);
    const all = await list(w.frgkPerson.cookie, "?zakres=wszystkie");
    expect(all.items.map((i) => i.id)).toEqual([later.id, soon.id, ongoing.id, past.id]); // latest first
    // An unknown scope falls back to upcoming.
    expect((await list(w.frgkPerson.cookie, "?zakres=jutro")).zakres).toBe("nadchodzace");
  });

  it("filters by kind; an unknown kind is ignored", async () => {
    const w = await partnership();
    const base = Date.now() + 24 * HOUR;
    const workshop = await meeting(w, new Date(base), new Date(base + HOUR), { kind: "WORKSHOP" });
    await meeting(w, new Date(base + 2 * HOUR), new Date(base + 3 * HOUR), { kind: "TRAINING" });
    const l = await list(w.frgkPerson.cookie, "?rodzaj=WORKSHOP");
    expect(l.rodzaj).toBe("WORKSHOP");
    expect(l.items.map((i) => i.id)).toEqual([workshop.id]);
    expect(l.page.total).toBe(1);
    const bad = await list(w.frgkPerson.cookie, "?rodzaj=PIKNIK");
    expect(bad.rodzaj).toBeNull();
    expect(bad.page.total).toBe(2);
  });

  it("paginates: page 2 holds the rest, a page out of range is empty, never a 500", async () => {
    const w = await partnership();
    const base = Date.now() + 24 * HOUR;
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) ids.push((await meeting(w, new Date(base + i * HOUR), new Date(base + i * HOUR + 30 * 60_000))).id);
    const p1 = await list(w.frgkPerson.cookie);
    expect(p1.items).toHaveLength(20);
    expect(p1.page).toMatchObject({ page: 1, total: 23, pageCount: 2 });
    const p2 = await list(w.frgkPerson.cookie, "?page=2");
    expect(p2.items.map((i) => i.id)).toEqual(ids.slice(20));
    expect((await list(w.frgkPerson.cookie, "?page=9")).items).toEqual([]);
    expect((await list(w.frgkPerson.cookie, "?page=-4")).page.page).toBe(1);
  });

  it("lists in the trash only trashed meetings the person organises", async () => {
    const w = await partnership();
    const base = Date.now() + 24 * HOUR;
    const trashed = await meeting(w, new Date(base), new Date(base + HOUR), { trashed: true, title: "Usunięte" });
    const live = await meeting(w, new Date(base), new Date(base + HOUR), { cancelled: true });
    // Trashed, but created by the FRGK person in their own name (FRGK organiser would be odd; creator is enough).
    const theirs = await meeting(w, new Date(base), new Date(base + HOUR), { trashed: true, createdById: w.frgkPerson.user.id });

    const coord = await list(w.coordinator.cookie, "?zakres=kosz");
    expect(coord.items.map((i) => i.id).sort()).toEqual([trashed.id, theirs.id].sort()); // coordinator of the organiser
    expect(coord.items.every((i) => i.deletedAt)).toBe(true);
    expect(coord.canCreate).toBe(true);
    // Invited FRGK sees only what they created; a plain BKPPT member and an outsider see nothing.
    expect((await list(w.frgkPerson.cookie, "?zakres=kosz")).items.map((i) => i.id)).toEqual([theirs.id]);
    expect((await list(w.member.cookie, "?zakres=kosz")).page.total).toBe(0);
    expect((await list(w.outsider.cookie, "?zakres=kosz")).page.total).toBe(0);
    // Trashed meetings are nowhere else; the cancelled one stays, marked.
    const all = await list(w.frgkPerson.cookie, "?zakres=wszystkie");
    expect(all.items.map((i) => i.id)).toEqual([live.id]);
    expect(all.items[0].cancelledAt).not.toBeNull();
    const c = await calendar(w.coordinator.cookie, `?widok=tydzien&tydzien=${warsawDate(new Date(base))}`);
    expect([...idsIn(c.days)]).toEqual([live.id]);
    expect(Object.values(c.days).flat()[0].cancelled).toBe(true);
  });

  it("offers 'Nowe spotkanie' to coordinators, workspace editors and team leads, not to plain members", async () => {
    const w = await partnership();
    expect((await list(w.coordinator.cookie)).canCreate).toBe(true);
    expect((await list(w.member.cookie)).canCreate).toBe(false);
    await db.workspace.create({
      data: { name: "Strategia", owningInstitutionId: w.bkppt.id, createdById: w.coordinator.user.id, members: { create: [{ userId: w.member.user.id, role: "EDITOR" }] } },
    });
    expect((await list(w.member.cookie)).canCreate).toBe(true);
    const lead = await signedIn({ institutionId: w.frgk.id });
    expect((await list(lead.cookie)).canCreate).toBe(false);
    await db.team.create({
      data: { name: "Zespół", mandate: "", kind: "TEMPORARY", status: "ACTIVE", termStart: "2026-11-01", createdById: w.coordinator.user.id, members: { create: [{ userId: lead.user.id, role: "LEAD" }] } },
    });
    expect((await list(lead.cookie)).canCreate).toBe(true);
  });
});

describe("meetings calendar: parameters and days", () => {
  it("reads ?miesiac and ?tydzien; bad parameters fall back to the current month or week", async () => {
    const w = await partnership();
    const today = warsawDate(new Date());
    const thisMonday = addDays(today, 1 - isoWeekday(today));

    const dec = await calendar(w.frgkPerson.cookie, "?miesiac=2026-12");
    expect(dec).toMatchObject({ view: "month", month: "2026-12", week: null, start: "2026-11-30", end: "2027-01-03", today });
    expect(dec.weeks).toHaveLength(5);
    expect(dec.weeks[0][0]).toBe("2026-11-30"); // Monday first

    for (const qs of ["", "?miesiac=2026-13", "?miesiac=abc", "?miesiac=0000-01", "?widok=rok", "?miesiac=2026-12-01"]) {
      const c = await calendar(w.frgkPerson.cookie, qs);
      expect(c.view, qs).toBe("month");
      expect(c.month, qs).toBe(monthOf(new Date()));
    }

    const week = await calendar(w.frgkPerson.cookie, "?widok=tydzien&tydzien=2026-12-09"); // a Wednesday
    expect(week).toMatchObject({ view: "week", week: "2026-12-07", start: "2026-12-07", end: "2026-12-13" });
    expect(week.weeks).toEqual([["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11", "2026-12-12", "2026-12-13"]]);
    expect((await calendar(w.frgkPerson.cookie, "?tydzien=2026-12-07")).view).toBe("week");

    for (const qs of ["?widok=tydzien", "?widok=tydzien&tydzien=2026-02-30", "?widok=tydzien&tydzien=jutro", "?widok=tydzien&tydzien=1800-01-01"]) {
      const c = await calendar(w.frgkPerson.cookie, qs);
      expect(c.view, qs).toBe("week");
      expect(c.week, qs).toBe(thisMonday);
    }
  });

  it("puts a meeting across midnight on both days, in time order with the others, in week and month", async () => {
    const w = await partnership();
    const night = await meeting(w, at("2026-12-09", "22:00"), at("2026-12-10", "01:30"), { title: "Nocna sesja" });
    const morning = await meeting(w, at("2026-12-10", "09:00"), at("2026-12-10", "10:00"));
    const early = await meeting(w, at("2026-12-09", "08:00"), at("2026-12-09", "09:00"));
    const monthEnd = await meeting(w, at("2026-12-31", "23:00"), at("2027-01-01", "02:00"));

    const week = await calendar(w.frgkPerson.cookie, "?widok=tydzien&tydzien=2026-12-07");
    expect(week.days["2026-12-09"].map((m) => m.id)).toEqual([early.id, night.id]);
    expect(week.days["2026-12-10"].map((m) => m.id)).toEqual([night.id, morning.id]);
    expect(week.days["2026-12-11"]).toBeUndefined();
    expect(idsIn(week.days).has(monthEnd.id)).toBe(false);

    const month = await calendar(w.frgkPerson.cookie, "?miesiac=2026-12");
    expect(month.days["2026-12-10"].map((m) => m.id)).toEqual([night.id, morning.id]);
    // The grid runs to Sunday 3 January, so the New Year's Eve meeting shows on both days.
    expect(month.days["2026-12-31"].map((m) => m.id)).toEqual([monthEnd.id]);
    expect(month.days["2027-01-01"].map((m) => m.id)).toEqual([monthEnd.id]);
    // A meeting ending exactly at midnight does not spill into the next day.
    const toMidnight = await meeting(w, at("2026-12-12", "20:00"), at("2026-12-13", "00:00"));
    const again = await calendar(w.frgkPerson.cookie, "?widok=tydzien&tydzien=2026-12-07");
    expect(again.days["2026-12-12"].map((m) => m.id)).toEqual([toMidnight.id]);
    expect(again.days["2026-12-13"]).toBeUndefined();
  });

  it("formats the list's date and time range in Warsaw, in Polish", () => {
    expect(meetingWhen(at("2026-12-01", "10:00"), at("2026-12-01", "12:00"), "pl")).toBe("wt., 1 grudnia 2026, 10:00–12:00");
    expect(meetingWhen(at("2026-07-01", "09:30"), at("2026-07-01", "11:00"), "pl")).toBe("śr., 1 lipca 2026, 09:30–11:00"); // summer time
    expect(meetingWhen(at("2026-12-09", "22:00"), at("2026-12-10", "01:30"), "pl")).toBe("śr., 9 grudnia 2026, 22:00 – czw., 10 grudnia 2026, 01:30");
  });
});

describe("meetings views cost a fixed number of queries", () => {
  it("the list and calendar run the same number of statements for 3 meetings and for 30", async () => {
    const w = await partnership();
    const date = "2026-12-01";
    const add = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const start = at(date, "08:00").getTime() + i * 20 * 60_000;
        await meeting(w, new Date(start), new Date(start + 10 * 60_000));
      }
    };
    const pages = [
      ["list", listRoute.loader, "/spotkania?zakres=wszystkie"],
      ["list-kosz", listRoute.loader, "/spotkania?zakres=kosz"],
      ["month", calendarRoute.loader, "/spotkania/kalendarz?miesiac=2026-12"],
      ["week", calendarRoute.loader, "/spotkania/kalendarz?widok=tydzien&tydzien=2026-11-30"],
    ] as const;
    const measure = async () => {
      const out: Record<string, number> = {};
      for (const who of [w.coordinator, w.frgkPerson]) {
        for (const [name, loader, path] of pages) {
          out[`${who.user.name} ${name}`] = await countStatements(async () => {
            const res = await run(loader, makeRequest(path, { cookie: who.cookie }));
            expect(res.status, path).toBe(200);
          });
        }
      }
      return out;
    };
    await add(3);
    const few = await measure();
    await add(27);
    const many = await measure();
    expect(many).toEqual(few);
    for (const v of Object.values(few)) expect(v).toBeGreaterThan(0);
    // And the calendar really holds all 30 of them on that day.
    expect((await calendar(w.frgkPerson.cookie, "?miesiac=2026-12")).days[date]).toHaveLength(30);
  }, 60_000);
});
