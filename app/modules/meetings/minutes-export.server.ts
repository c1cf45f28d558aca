// "Zapisz protokół w bibliotece": the minutes become a Word document in the meeting's workspace
// library — the meeting's details, who was there, the minutes' text, decisions and action items —
// through the same upload path as any file (a second save is a new version, nothing overwritten).
import { generateJSON } from "@tiptap/html/server";
import StarterKit from "@tiptap/starter-kit";
import { recordAudit } from "~/modules/audit/audit.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { requireLibrary, type UploadResult } from "~/modules/library/library.server";
import { saveGeneratedFile } from "~/modules/library/save-generated.server";
import { draftToDocx } from "~/modules/strategy/export/docx.server";
import type { PmNode } from "~/modules/strategy/export/prosemirror";
import { warsawDate } from "~/modules/tasks/deadline";
import { db } from "~/utils/db.server";
import { createTranslator } from "~/utils/i18n";
import type { MeetingContext } from "./access.server";
import { meetingWhen } from "./invitations.server";

/** What the minutes editor produces (RichTextField): headings 2–3, lists, bold/italic/underline, links. */
const MINUTES_EXTENSIONS = [StarterKit.configure({ heading: { levels: [2, 3] }, code: false, codeBlock: false })];

const text = (value: string, marks?: PmNode["marks"]): PmNode => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: PmNode[]): PmNode => ({ type: "paragraph", content });
const heading = (level: number, value: string): PmNode => ({ type: "heading", attrs: { level }, content: [text(value)] });
const bulletList = (items: PmNode[][]): PmNode => ({ type: "bulletList", content: items.map((content) => ({ type: "listItem", content: [paragraph(...content)] })) });

/** The protokół as a document (always in Polish: it is the partnership's record). */
export async function minutesDocument(meetingId: string): Promise<{ title: string; doc: PmNode; fileName: string }> {
  const t = createTranslator("pl");
  const m = await db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: {
      title: true,
      kind: true,
      startsAt: true,
      endsAt: true,
      place: true,
      onlineUrl: true,
      minutes: true,
      organizerInstitution: { select: { name: true } },
      attendance: { where: { present: true }, orderBy: { name: "asc" }, select: { name: true, organisation: true } },
      outcomes: { orderBy: [{ position: "asc" }, { id: "asc" }], select: { kind: true, text: true } },
    },
  });
  const content: PmNode[] = [
    paragraph(text(`${t("meetings.minutesDoc.kind")}: `, [{ type: "bold" }]), text(t(`meetings.kind.${m.kind}` as "meetings.kind.WORKSHOP"))),
    paragraph(text(`${t("meetings.minutesDoc.when")}: `, [{ type: "bold" }]), text(meetingWhen(m, "pl"))),
  ];
  const where = [m.place, m.onlineUrl].filter(Boolean).join("; ");
  if (where) content.push(paragraph(text(`${t("meetings.minutesDoc.where")}: `, [{ type: "bold" }]), text(where)));
  content.push(paragraph(text(`${t("meetings.minutesDoc.organiser")}: `, [{ type: "bold" }]), text(m.organizerInstitution.name)));
  content.push(heading(2, t("meetings.minutesDoc.present", { count: m.attendance.length })));
  content.push(m.attendance.length ? bulletList(m.attendance.map((a) => [text(a.organisation ? `${a.name} (${a.organisation})` : a.name)])) : paragraph(text(t("meetings.minutesDoc.nobody"))));
  content.push(heading(2, t("meetings.minutes")));
  const body = m.minutes ? (generateJSON(m.minutes, MINUTES_EXTENSIONS) as PmNode) : null;
  // The minutes' own headings sit one level below the document's sections.
  const shift = (node: PmNode): PmNode => ({ ...node, ...(node.type === "heading" ? { attrs: { level: 3 } } : {}), ...(node.content ? { content: node.content.map(shift) } : {}) });
  if (body?.content?.length) content.push(...body.content.map(shift));
  else content.push(paragraph(text(t("meetings.minutes.empty"))));
  const decisions = m.outcomes.filter((o) => o.kind === "DECISION");
  const actions = m.outcomes.filter((o) => o.kind === "ACTION");
  if (decisions.length) content.push(heading(2, t("meetings.minutesDoc.decisions")), bulletList(decisions.map((o) => [text(o.text)])));
  if (actions.length) content.push(heading(2, t("meetings.minutesDoc.actions")), bulletList(actions.map((o) => [text(o.text)])));
  const title = t("meetings.minutesDoc.title", { title: m.title });
  const printable = Array.from(`${title} ${warsawDate(m.startsAt)}`, (ch) => (ch.charCodeAt(0) < 32 ? " " : ch)).join("");
  const fileName = printable.replace(/[\\/:*?"<>|]+/g, " ").replace(/\s+/g, " ").trim().slice(0, 150) + ".docx";
  return { title, doc: { type: "doc", content }, fileName };
}

export type MinutesSaveResult = UploadResult | { ok: false; status: 400; error: "meetings.minutesDoc.noWorkspace" };

/** The caller has authorised "editMinutes"; the library's own "addContent" right is checked here. */
export async function saveMinutesToLibrary(user: AuthUser, ctx: MeetingContext, ip?: string): Promise<MinutesSaveResult> {
  const workspaceId = ctx.meeting.workspaceId;
  if (!workspaceId) return { ok: false, status: 400, error: "meetings.minutesDoc.noWorkspace" };
  const lib = await requireLibrary(user, workspaceId, "addContent", ip);
  const t = createTranslator("pl");
  const { title, doc, fileName } = await minutesDocument(ctx.meeting.id);
  const content = await draftToDocx(title, doc, { workspaceName: lib.access.workspace.name, exportedAt: new Date(), locale: "pl" });
  const saved = await saveGeneratedFile(lib, { folderName: t("meetings.minutesDoc.folder"), name: fileName, ext: "docx", content, note: t("meetings.minutesDoc.note") });
  if (saved.ok) {
    await recordAudit({ actor: user, action: "meeting.minutes.library", entityType: "Meeting", entityId: ctx.meeting.id, summary: `${ctx.meeting.title} → ${saved.name} (v${saved.number})`, ip });
  }
  return saved;
}
