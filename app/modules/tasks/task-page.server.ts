// The task page's loader and its one action. Every intent names its own TaskAction and goes
// through requireTask first (404 when the team or task is invisible, audited 403 when the person
// may not do it), then its Zod schema (400 with translation keys next to the fields), then the
// command, which writes history and audit in the same transaction as the change.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { MB } from "~/modules/library/file-types";
import { drainBody } from "~/modules/library/upload.server";
import { requireUser, type AuthUser } from "~/modules/auth/session.server";
import { authorize } from "~/modules/auth/authorize.server";
import { requireTask, type TaskContext } from "~/modules/teams/access.server";
import { allowedTaskActions, canTask, isClosedTeam, type TaskAction } from "~/modules/teams/team.policy";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { fieldErrors, formToObject, type FieldErrors } from "~/utils/forms";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast, toastHeader, type Toast } from "~/utils/toast.server";
import { attachDocument, attachmentsFor, libraryPickerOptions, removeAttachment, teamLibraryFor, uploadAttachment } from "./task-attachments.server";
import { canTaskComment } from "./task-comments.policy";
import { createTaskComment, deleteTaskComment, listTaskComments, updateTaskComment } from "./task-comments.server";
import { isOverdue } from "./deadline";
import { peopleInEvents } from "./task-history";
import { addTaskLink, linkCandidates, removeTaskLink } from "./task-links.server";
import { teamMembers } from "./task-list.server";
import {
  attachDocumentSchema,
  attachmentRemoveSchema,
  checklistAddSchema,
  checklistRemoveSchema,
  checklistToggleSchema,
  commentCreateSchema,
  commentDeleteSchema,
  commentUpdateSchema,
  intentSchema,
  linkAddSchema,
  linkRemoveSchema,
  HISTORY_SHOWN,
  saveSchema,
  type TaskIntent,
} from "./task-page.schema";
import { teamUrls } from "./task-urls";
import { taskFieldsSchema, statusChangeSchema } from "./tasks.schema";
import { addChecklistItem, changeTaskStatus, removeChecklistItem, setChecklistItem, trashTask, updateTask } from "./tasks.server";

function ids(args: LoaderFunctionArgs | ActionFunctionArgs) {
  return { teamId: args.params.teamId ?? "", taskId: args.params.taskId ?? "" };
}

async function taskDetail(taskId: string) {
  const other = { id: true, number: true, title: true, status: true } as const;
  return db.task.findUniqueOrThrow({
    where: { id: taskId },
    select: {
      id: true,
      number: true,
      title: true,
      description: true,
      status: true,
      blockedReason: true,
      priority: true,
      dueAt: true,
      dueDate: true,
      dueHasTime: true,
      version: true,
      createdAt: true,
      updatedAt: true,
      completedAt: true,
      createdBy: { select: { name: true } },
      assignee: { select: { id: true, name: true } },
      helpers: { select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } } },
      labels: { select: { label: true }, orderBy: { label: "asc" } },
      checklist: { select: { id: true, text: true, done: true }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] },
      linksFrom: { where: { toTask: { deletedAt: null } }, select: { id: true, kind: true, toTask: { select: other } }, orderBy: { createdAt: "asc" } },
      linksTo: { where: { fromTask: { deletedAt: null } }, select: { id: true, kind: true, fromTask: { select: other } }, orderBy: { createdAt: "asc" } },
    },
  });
}

async function history(taskId: string) {
  const events = await db.taskEvent.findMany({
    where: { taskId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: HISTORY_SHOWN,
    select: { id: true, kind: true, changes: true, createdAt: true, actor: { select: { name: true } } },
  });
  const people = await db.user.findMany({ where: { id: { in: peopleInEvents(events) } }, select: { id: true, name: true } });
  return { events, names: Object.fromEntries(people.map((p) => [p.id, p.name])) as Record<string, string> };
}

/** Everything the task page shows, and what this person may do there. */
export async function loadTaskPage(args: LoaderFunctionArgs) {
  const user = await requireUser(args.request);
  const { teamId, taskId } = ids(args);
  const ctx = await requireTask(user, teamId, taskId, "view", requestMeta(args.request, args.context).ip);
  const can = allowedTaskActions(user, ctx.access, ctx.people);
  const [task, comments, attachments, log, members, candidates, library] = await Promise.all([
    taskDetail(ctx.task.id),
    listTaskComments(ctx.task.id),
    attachmentsFor(user, ctx),
    history(ctx.task.id),
    teamMembers(ctx.team.id),
    can.manageLinks ? linkCandidates(ctx.team.id, ctx.task.id) : Promise.resolve([]),
    can.manageAttachments ? teamLibraryFor(user, ctx) : Promise.resolve(null),
  ]);
  const libraryFiles = library ? await libraryPickerOptions(library.workspace.id) : [];
  const { linksFrom, linksTo, helpers, labels, ...rest } = task;
  return {
    team: { id: ctx.team.id, name: ctx.team.name, status: ctx.team.status, closed: isClosedTeam(ctx.team.status) },
    overdue: isOverdue(task, new Date()),
    task: {
      ...rest,
      helpers: helpers.map((h) => h.user),
      labels: labels.map((l) => l.label),
      links: [
        ...linksFrom.map((l) => ({ id: l.id, kind: l.kind === "BLOCKS" ? ("BLOCKS" as const) : ("RELATES" as const), task: l.toTask })),
        ...linksTo.map((l) => ({ id: l.id, kind: l.kind === "BLOCKS" ? ("BLOCKED_BY" as const) : ("RELATES" as const), task: l.fromTask })),
      ],
    },
    can: { ...can, commentCreate: canTaskComment(user, "create", ctx.access, ctx.people) },
    comments: {
      total: comments.total,
      items: comments.rows.map((c) => ({
        id: c.id,
        body: c.body,
        createdAt: c.createdAt,
        editedAt: c.editedAt,
        author: { id: c.authorId, name: c.author.name, institutionShortName: c.author.institution?.shortName ?? null },
        canEdit: canTaskComment(user, "edit", ctx.access, ctx.people, c.authorId),
        canDelete: canTaskComment(user, "delete", ctx.access, ctx.people, c.authorId),
      })),
    },
    attachments,
    history: log.events.map((e) => ({ id: e.id, kind: e.kind, changes: e.changes, createdAt: e.createdAt, actor: e.actor?.name ?? null })),
    historyNames: log.names,
    members,
    mentionable: members.filter((m) => m.id !== user.id).map((m) => ({ id: m.id, name: m.name, institutionShortName: m.institutionShortName })),
    linkCandidates: candidates,
    library: library ? { workspaceId: library.workspace.id, name: library.workspace.name, files: libraryFiles } : null,
    maxUploadBytes: getEnv().UPLOAD_MAX_MB * MB,
    teamHasWorkspace: !!ctx.team.workspaceId,
  };
}

export type TaskPageData = Awaited<ReturnType<typeof loadTaskPage>>;

// ——— The action ———

/** What each intent needs. */
const REQUIRED: Record<TaskIntent, TaskAction> = {
  save: "edit",
  status: "changeStatus",
  "checklist.add": "updateChecklist",
  "checklist.toggle": "updateChecklist",
  "checklist.remove": "updateChecklist",
  "comment.create": "comment",
  "comment.update": "comment",
  "comment.delete": "comment",
  "link.add": "manageLinks",
  "link.remove": "manageLinks",
  "attachment.document": "manageAttachments",
  "attachment.remove": "manageAttachments",
  delete: "delete",
};

export type TaskActionData = {
  ok: boolean;
  intent: TaskIntent | "attachment.upload" | null;
  error: string | null;
  errors: FieldErrors | null;
  /** The version conflict of a save or a status change: nothing was written. */
  conflict?: boolean;
  /** What the person had typed (a refused save keeps it on the page). */
  values?: Record<string, string>;
};

async function ok(intent: TaskActionData["intent"], toast: Toast) {
  return data<TaskActionData>({ ok: true, intent, error: null, errors: null }, { headers: { "Set-Cookie": await toastHeader(toast) } });
}

function failed(status: number, intent: TaskActionData["intent"], error: string | null, errors: FieldErrors | null = null, extra: Partial<TaskActionData> = {}) {
  return data<TaskActionData>({ ok: false, intent, error, errors, ...extra }, { status });
}

const isMultipart = (request: Request) => /^multipart\/form-data/i.test(request.headers.get("Content-Type") ?? "");

/** An uploaded attachment: streamed (multipart), authorised before a byte is stored. */
async function uploadIntent(args: ActionFunctionArgs, user: AuthUser, ip: string) {
  const { teamId, taskId } = ids(args);
  let ctx: TaskContext;
  try {
    ctx = await requireTask(user, teamId, taskId, "manageAttachments", ip);
  } catch (error) {
    // Let the refusal reach a browser that is still sending.
    await drainBody(args.request, getEnv().UPLOAD_MAX_MB * MB);
    throw error;
  }
  const result = await uploadAttachment(user, ctx, args.request, { ip });
  if (!result.ok) return failed(result.status, "attachment.upload", result.error);
  return ok("attachment.upload", { key: "tasks.attachments.uploaded", vars: { name: result.name } });
}

/** The form as strings, with the multi-value fields (helpers) joined by commas. */
async function readForm(request: Request) {
  const formData = await request.formData();
  const values = formToObject(formData);
  const helpers = formData.getAll("helperIds").filter((v): v is string => typeof v === "string");
  if (helpers.length > 1) values.helperIds = helpers.join(",");
  return values;
}

export async function taskPageAction(args: ActionFunctionArgs) {
  const user = await requireUser(args.request);
  const { ip } = requestMeta(args.request, args.context);
  const meta = { ip };
  if (isMultipart(args.request)) return uploadIntent(args, user, ip);
  const { teamId, taskId } = ids(args);
  const values = await readForm(args.request);
  const intent = intentSchema.safeParse(values.intent);
  if (!intent.success) {
    // Still 404 for a task one cannot see, whatever the form says.
    await requireTask(user, teamId, taskId, "view", ip);
    return failed(400, null, "validation.invalid");
  }
  const name = intent.data;
  const ctx = await requireTask(user, teamId, taskId, REQUIRED[name], ip);

  switch (name) {
    case "save": {
      const fields = taskFieldsSchema.safeParse(values);
      const version = saveSchema.safeParse(values);
      if (!fields.success || !version.success) {
        const errors = { ...(fields.success ? {} : fieldErrors(fields.error)), ...(version.success ? {} : fieldErrors(version.error)) };
        return failed(400, name, null, errors, { values });
      }
      // Handing the work to someone else is "assign" (the same people today, but its own rule).
      const current = await db.taskHelper.findMany({ where: { taskId: ctx.task.id }, select: { userId: true } });
      const helpersBefore = current.map((h) => h.userId).sort().join();
      const helpersAfter = fields.data.helperIds.filter((id) => id !== fields.data.assigneeId).sort().join();
      if (fields.data.assigneeId !== ctx.task.assigneeId || helpersBefore !== helpersAfter) {
        await authorize(user, canTask(user, "assign", ctx.access, ctx.people), { action: "task.assign", entityType: "Task", entityId: ctx.task.id, ip });
      }
      const result = await updateTask(user, ctx, fields.data, version.data.version, meta);
      if (result.ok) return ok(name, { key: "tasks.saved", vars: { number: ctx.task.number } });
      if (result.status === 409) return failed(409, name, "tasks.conflict.text", null, { conflict: true, values });
      if (result.status === 400) return failed(400, name, null, result.errors, { values });
      return failed(404, name, "tasks.gone");
    }
    case "status": {
      const parsed = statusChangeSchema.safeParse(values);
      if (!parsed.success) return failed(400, name, null, fieldErrors(parsed.error), { values });
      const result = await changeTaskStatus(user, ctx, { ...parsed.data, afterId: null }, meta);
      if (result.ok) return ok(name, { key: "tasks.statusChanged" });
      if (result.status === 409) return failed(409, name, "tasks.conflict.status", null, { conflict: true, values });
      return failed(404, name, "tasks.gone");
    }
    case "checklist.add": {
      const parsed = checklistAddSchema.safeParse(values);
      if (!parsed.success) return failed(400, name, null, fieldErrors(parsed.error), { values });
      await addChecklistItem(user, ctx, parsed.data.text, meta);
      return ok(name, { key: "tasks.checklist.added" });
    }
    case "checklist.toggle": {
      const parsed = checklistToggleSchema.safeParse(values);
      if (!parsed.success) return failed(400, name, "validation.invalid");
      const done = await setChecklistItem(user, ctx, parsed.data.itemId, parsed.data.done, meta);
      return done ? ok(name, { key: parsed.data.done ? "tasks.checklist.ticked" : "tasks.checklist.unticked" }) : failed(404, name, "tasks.checklist.gone");
    }
    case "checklist.remove": {
      const parsed = checklistRemoveSchema.safeParse(values);
      if (!parsed.success) return failed(400, name, "validation.invalid");
      const done = await removeChecklistItem(user, ctx, parsed.data.itemId, meta);
      return done ? ok(name, { key: "tasks.checklist.removed" }) : failed(404, name, "tasks.checklist.gone");
    }
    case "comment.create": {
      const parsed = commentCreateSchema.safeParse(values);
      if (!parsed.success) return failed(400, name, null, fieldErrors(parsed.error));
      const result = await createTaskComment(user, ctx, parsed.data.body, meta);
      return result.ok ? ok(name, { key: "tasks.comments.created" }) : failed(result.status, name, result.error ?? null, result.errors ?? null);
    }
    case "comment.update": {
      const parsed = commentUpdateSchema.safeParse(values);
      if (!parsed.success) return failed(400, name, null, fieldErrors(parsed.error));
      const result = await updateTaskComment(user, ctx, parsed.data, meta);
      return result.ok ? ok(name, { key: "tasks.comments.updated" }) : failed(result.status, name, result.error ?? null, result.errors ?? null);
    }
    case "comment.delete": {
      const parsed = commentDeleteSchema.safeParse(values);
      if (!parsed.success) return failed(400, name, "validation.invalid");
      const result = await deleteTaskComment(user, ctx, parsed.data.commentId, meta);
      return result.ok ? ok(name, { key: "tasks.comments.deleted" }) : failed(result.status, name, result.error ?? null);
    }
    case "link.add": {
      const parsed = linkAddSchema.safeParse(values);
      if (!parsed.success) return failed(400, name, null, fieldErrors(parsed.error));
      const result = await addTaskLink(user, ctx, parsed.data, meta);
      return result.ok ? ok(name, { key: "tasks.links.added", vars: { number: result.number } }) : failed(result.status, name, null, result.errors);
    }
    case "link.remove": {
      const parsed = linkRemoveSchema.safeParse(values);
      if (!parsed.success) return failed(400, name, "validation.invalid");
      const result = await removeTaskLink(user, ctx, parsed.data.linkId, meta);
      return result.ok ? ok(name, { key: "tasks.links.removed", vars: { number: result.number } }) : failed(result.status, name, result.errors.target ?? null);
    }
    case "attachment.document": {
      const parsed = attachDocumentSchema.safeParse(values);
      if (!parsed.success) return failed(400, name, null, fieldErrors(parsed.error));
      const result = await attachDocument(user, ctx, parsed.data.documentId, meta);
      return result.ok ? ok(name, { key: "tasks.attachments.attached", vars: { name: result.name } }) : failed(result.status, name, null, { documentId: result.error });
    }
    case "attachment.remove": {
      const parsed = attachmentRemoveSchema.safeParse(values);
      if (!parsed.success) return failed(400, name, "validation.invalid");
      const result = await removeAttachment(user, ctx, parsed.data.attachmentId, meta);
      return result.ok ? ok(name, { key: "tasks.attachments.removed", vars: { name: result.name } }) : failed(result.status, name, result.error);
    }
    case "delete": {
      await trashTask(user, ctx, meta);
      return redirectWithToast(teamUrls.tasks(ctx.team.id), { key: "tasks.trashed", vars: { number: ctx.task.number, title: ctx.task.title } });
    }
  }
}
