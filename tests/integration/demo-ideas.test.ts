// Demo residents' ideas: the open intake with the strategy workspace designated, about twenty
// ideas across categories and statuses (the workshop ideas among them), scores, tags, comments, a
// merged duplicate, an accepted idea turned into a task of the promotion team — and idempotence.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import * as formRoute from "~/routes/pomysly._index";
import * as listRoute from "~/routes/pomysly.przyjete";
import { ideasInboxWhere } from "~/modules/ideas/access.server";
import { seedDemo, type DemoContext } from "../../prisma/seed/demo";
import { DEMO_IDEA_TASK_TITLE, DEMO_INTAKE_TITLE, seedIdeas } from "../../prisma/seed/demo-ideas";
import { DEMO_PROMOTION_TEAM } from "../../prisma/seed/demo-teams";
import { makeRequest, run } from "../http";

async function seeded(): Promise<DemoContext> {
  const result = await seedDemo();
  if (result.status !== "created") throw new Error("demo not created");
  return result.context;
}

describe("demo ideas", () => {
  it("opens „Nabór pomysłów — jesień 2026” for the strategy workspace, and the public form shows it", async () => {
    await seeded();
    const intake = await db.ideaIntake.findFirstOrThrow({ where: { title: DEMO_INTAKE_TITLE }, include: { workspace: true } });
    expect(intake.workspace?.name).toBe("Strategia transformacji regionu");
    expect(intake.publicList).toBe(true);
    const now = new Date();
    expect(intake.opensAt <= now && (!intake.closesAt || intake.closesAt > now)).toBe(true);
    const page = await run(formRoute.loader as (a: LoaderFunctionArgs) => unknown, makeRequest("/pomysly"));
    expect(page.data).toMatchObject({ open: true, intake: { title: DEMO_INTAKE_TITLE } });
  });

  it("has about twenty ideas across every category and status, with the workshop ideas, scores, tags, comments and a merged duplicate", async () => {
    await seeded();
    const ideas = await db.idea.findMany({ include: { scores: true, tags: true, comments: true, links: true }, orderBy: { reference: "asc" } });
    expect(ideas.length).toBeGreaterThanOrEqual(18);
    expect(ideas.length).toBeLessThanOrEqual(25);
    expect(new Set(ideas.map((i) => i.category))).toEqual(new Set(["SOCIAL", "ECONOMIC", "INFRASTRUCTURE", "CULTURE_TOURISM", "EDUCATION", "ENVIRONMENT", "OTHER"]));
    expect(new Set(ideas.map((i) => i.status))).toEqual(new Set(["NEW", "IN_ANALYSIS", "ACCEPTED", "REJECTED"]));
    const titles = ideas.map((i) => i.title);
    expect(titles).toContain("Opera na odkrywce");
    expect(titles).toContain("Zintegrowany city camping");
    expect(titles).toContain("Kampanie PR w zakresie integracji wielopokoleniowej");
    // References are sequential in the order the ideas came in.
    const byDate = [...ideas].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
    expect(byDate.map((i) => i.reference)).toEqual(ideas.map((i) => i.reference));
    expect(ideas[0].reference).toMatch(/^P-\d{4}-0001$/);

    expect(ideas.filter((i) => i.scores.length > 0).length).toBeGreaterThanOrEqual(5);
    expect(ideas.filter((i) => i.tags.length > 0).length).toBeGreaterThanOrEqual(5);
    expect(ideas.some((i) => i.comments.length > 0)).toBe(true);
    for (const i of ideas.filter((x) => x.status === "ACCEPTED")) expect(["STRATEGY", "PROJECT"]).toContain(i.acceptedFor);
    for (const i of ideas.filter((x) => x.status === "ACCEPTED" || x.status === "REJECTED")) expect(i.closedAt).not.toBeNull();
    for (const i of ideas.filter((x) => x.status === "REJECTED")) expect(i.publicReason).toBeTruthy();

    const opera = ideas.find((i) => i.title === "Opera na odkrywce")!;
    const duplicates = ideas.filter((i) => i.duplicateOfId);
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]).toMatchObject({ duplicateOfId: opera.id, status: "REJECTED", publicReason: `Połączono z pomysłem ${opera.reference}.` });

    // Contact data only with consent; one erased on request.
    for (const i of ideas) if (i.contactName || i.contactEmail) expect(i.consentAt && i.consentText).toBeTruthy();
    expect(ideas.some((i) => i.contactErasedAt && !i.contactEmail && !i.contactName)).toBe(true);
  });

  it("„Opera na odkrywce” is accepted and linked to a task of „Zespół ds. promocji FST”", async () => {
    await seeded();
    const opera = await db.idea.findFirstOrThrow({ where: { title: "Opera na odkrywce" }, include: { links: true } });
    expect(opera).toMatchObject({ status: "ACCEPTED", acceptedFor: "STRATEGY" });
    expect(opera.links).toHaveLength(1);
    expect(opera.links[0].kind).toBe("TASK");
    const task = await db.task.findUniqueOrThrow({ where: { id: opera.links[0].targetId }, include: { team: true, labels: true } });
    expect(task).toMatchObject({ title: DEMO_IDEA_TASK_TITLE, team: { name: DEMO_PROMOTION_TEAM }, deletedAt: null });
    expect(task.labels.map((l) => l.label)).toEqual([opera.reference]);
  });

  it("the strategy workspace's people see the ideas in the inbox; the public list shows accepted ones without contact data", async () => {
    await seeded();
    const member = await db.user.findUniqueOrThrow({ where: { email: "lukasz.zak@rig.razem.test" } });
    const total = await db.idea.count();
    expect(await db.idea.count({ where: ideasInboxWhere(member) })).toBe(total);
    const list = await run(listRoute.loader, makeRequest("/pomysly/przyjete"));
    const items = (list.data as { items: { title: string }[] }).items;
    expect(items.map((i) => i.title)).toContain("Opera na odkrywce");
    expect(JSON.stringify(list.data)).not.toMatch(/poczta\.test|Nowicka|contact/i);
  });

  it("is idempotent: running the step again adds nothing", async () => {
    const ctx = await seeded();
    const before = await db.idea.count();
    expect(await seedIdeas(ctx)).toBeNull();
    expect(await db.idea.count()).toBe(before);
    expect(await db.ideaIntake.count()).toBe(1);
  });
});
