// Demo meetings: past and upcoming meetings of every kind around the day the demo runs, agendas,
// attendance, minutes, an action item turned into a task, guests with answers, the BKPPT+RIG-only
// coordination meeting hidden from FRGK — and idempotence.
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { visibleMeetingsWhere } from "~/modules/meetings/access.server";
import { meetingPage } from "~/modules/meetings/meetings.server";
import { seedDemo, type DemoContext } from "../../prisma/seed/demo";
import {
  DEMO_CONSULTATION,
  DEMO_INAUGURATION,
  DEMO_INTERNAL,
  DEMO_MEETING_TASK_TITLE,
  DEMO_SUMMARY,
  DEMO_TEAM_MEETING,
  DEMO_TRAINING,
  DEMO_TRAINING_PROVIDER,
  DEMO_WORKSHOP_DAY,
  seedMeetings,
} from "../../prisma/seed/demo-meetings";
import { DEMO_PROMOTION_TEAM } from "../../prisma/seed/demo-teams";

async function seeded(): Promise<DemoContext> {
  const result = await seedDemo();
  if (result.status !== "created") throw new Error("demo not created");
  return result.context;
}

async function visibleTitles(email: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const rows = await db.meeting.findMany({ where: visibleMeetingsWhere(user), select: { title: true } });
  return rows.map((r) => r.title);
}

describe("demo meetings", () => {
  it("has the three past project meetings and four upcoming ones, of several kinds, relative to now", async () => {
    await seeded();
    const now = new Date();
    const meetings = await db.meeting.findMany({ include: { workspace: true, team: true, organizerInstitution: true } });
    expect(meetings).toHaveLength(7);
    const by = Object.fromEntries(meetings.map((m) => [m.title, m]));
    for (const t of [DEMO_INAUGURATION, DEMO_WORKSHOP_DAY, DEMO_SUMMARY]) expect(by[t].endsAt < now).toBe(true);
    for (const t of [DEMO_CONSULTATION, DEMO_TRAINING, DEMO_INTERNAL, DEMO_TEAM_MEETING]) expect(by[t].startsAt > now).toBe(true);
    expect(new Set(meetings.map((m) => m.kind))).toEqual(new Set(["SOCIAL_CONSULTATION", "WORKSHOP", "COORDINATION", "TRAINING", "TEAM_MEETING"]));
    expect(by[DEMO_INAUGURATION].workspace?.name).toBe("Strategia transformacji regionu");
    expect(by[DEMO_WORKSHOP_DAY].kind).toBe("WORKSHOP");
    expect(by[DEMO_SUMMARY].kind).toBe("COORDINATION");
    expect(by[DEMO_TRAINING]).toMatchObject({ kind: "TRAINING", trainingProvider: DEMO_TRAINING_PROVIDER });
    expect(by[DEMO_TEAM_MEETING].team?.name).toBe(DEMO_PROMOTION_TEAM);
    for (const m of meetings) expect(m.endsAt > m.startsAt).toBe(true);
  });

  it("the inauguration invited all four institutions, has experts on the agenda, attendance, Polish minutes and an action item that became a promotion-team task", async () => {
    await seeded();
    const m = await db.meeting.findFirstOrThrow({ where: { title: DEMO_INAUGURATION }, select: { id: true } });
    const { meeting, tasks } = await meetingPage(m.id);
    expect(await db.meetingInstitution.count({ where: { meetingId: m.id } })).toBe(4);
    expect(meeting.agenda.length).toBeGreaterThanOrEqual(5);
    expect(meeting.agenda.some((a) => !a.ownerId && a.ownerName?.startsWith("dr "))).toBe(true);
    expect(meeting.invitations.length).toBeGreaterThanOrEqual(14);
    const present = meeting.attendance.filter((a) => a.present);
    expect(present.length).toBeGreaterThan(10);
    expect(meeting.attendance.some((a) => !a.present)).toBe(true);
    expect(meeting.attendance.filter((a) => !a.invitationId).length).toBeGreaterThanOrEqual(2); // walk-ins
    expect(meeting.minutes).toContain("Protokół");
    expect(meeting.minutes).toMatch(/Ustalenia/);
    expect(meeting.outcomes.filter((o) => o.kind === "DECISION").length).toBeGreaterThanOrEqual(1);
    const withTask = meeting.outcomes.filter((o) => o.taskId);
    expect(withTask).toHaveLength(1);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ title: DEMO_MEETING_TASK_TITLE, team: { name: DEMO_PROMOTION_TEAM }, deletedAt: null });
    // The task got the next number of its team, no clash.
    const numbers = await db.task.findMany({ where: { teamId: tasks[0].teamId }, select: { number: true } });
    expect(new Set(numbers.map((n) => n.number)).size).toBe(numbers.length);
  });

  it("upcoming meetings have answers but no attendance yet; the consultation has external guests in every RSVP state", async () => {
    await seeded();
    const consultation = await db.meeting.findFirstOrThrow({ where: { title: DEMO_CONSULTATION }, include: { invitations: true, attendance: true } });
    const guests = consultation.invitations.filter((i) => !i.userId);
    expect(guests.length).toBeGreaterThanOrEqual(4);
    expect(new Set(guests.map((g) => g.rsvp))).toEqual(new Set(["YES", "NO", "MAYBE", "PENDING"]));
    for (const g of guests) expect(g.guestName && g.guestEmail?.endsWith(".test")).toBeTruthy();
    const upcoming = await db.meeting.findMany({ where: { startsAt: { gt: new Date() } }, include: { _count: { select: { attendance: true, outcomes: true } } } });
    for (const u of upcoming) expect(u._count).toEqual({ attendance: 0, outcomes: 0 });
    for (const u of upcoming) expect(u.minutes).toBe("");
  });

  it("the BKPPT+RIG coordination meeting is invisible to FRGK and ARREKS people, visible to BKPPT and RIG", async () => {
    await seeded();
    for (const email of ["koordynator@frgk.razem.test", "anna.lewandowska@frgk.razem.test", "piotr.jablonski@arreks.razem.test"]) {
      const titles = await visibleTitles(email);
      expect(titles).not.toContain(DEMO_INTERNAL);
      expect(titles).toContain(DEMO_INAUGURATION);
    }
    for (const email of ["michal.dabrowski@bkppt.razem.test", "lukasz.zak@rig.razem.test"]) expect(await visibleTitles(email)).toContain(DEMO_INTERNAL);
    // The team meeting: only the promotion team's people (and the BKPPT organiser side).
    expect(await visibleTitles("grzegorz.sikora@frgk.razem.test")).not.toContain(DEMO_TEAM_MEETING);
  });

  it("is idempotent: running the step again adds nothing", async () => {
    const ctx = await seeded();
    const counts = async () => [await db.meeting.count(), await db.meetingInvitation.count(), await db.meetingAttendance.count(), await db.meetingOutcome.count(), await db.task.count()];
    const before = await counts();
    expect(await seedMeetings(ctx)).toEqual([]);
    expect(await counts()).toEqual(before);
  });
});
