// Comments anchored to the text of a strategy draft, through the editor page's real loader and
// action against the per-file SQLite database with real sessions: anchors that follow concurrent
// edits, threads and replies, resolve/reopen rights, VIEWERs commenting, @mentions (members only),
// soft deletion keeping replies, outsiders refused (404) and a fixed number of queries.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { db } from "~/utils/db.server";
import * as editorRoute from "~/routes/_app.przestrzenie.$workspaceId.strategie.$draftId";
import {
  anchorForText,
  textOfAnchor,
  type CommentAnchor,
} from "~/modules/strategy/comment-anchors";
import { COLLAB_FIELD } from "~/modules/strategy/collab-shared";
import type { DraftCommentsData } from "~/modules/strategy/comments.server";
import { mentionToken } from "~/modules/comments/mentions";
import { strategySetup } from "../strategy-fixtures";
import { makeRequest, run } from "../http";
import { countStatements } from "../query-count";

/** The body as the editor builds it: paragraphs of Y.XmlText in the "body" fragment. */
function bodyDoc(paragraphs: string[]): Y.Doc {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(COLLAB_FIELD);
  fragment.insert(
    0,
    paragraphs.map((text) => {
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText(text)]);
      return p;
    })
  );
  return doc;
}

async function setup() {
  const ydoc = bodyDoc([
    "Cel 1: nowe miejsca pracy po zamknięciu kopalni Bełchatów.",
    "Cel 2: czyste powietrze i ciepło systemowe.",
  ]);
  const { a, b, owner, editor, viewer, outsider, workspace, draft } = await strategySetup({
    ydocState: new Uint8Array(Y.encodeStateAsUpdate(ydoc)),
  });
  const url = `/przestrzenie/${workspace.id}/strategie/${draft.id}`;
  const params = { workspaceId: workspace.id, draftId: draft.id };
  const post = (cookie: string, form: Record<string, string>) =>
    run(editorRoute.action, makeRequest(url, { cookie, form }), params);
  const page = async (cookie: string) => {
    const res = await run(
      editorRoute.loader,
      makeRequest(url, { cookie }),
      params
    );
    return {
      status: res.status,
      comments: (res.data as { comments: DraftCommentsData }).comments,
    };
  };
  return {
    a,
    b,
    owner,
    editor,
    viewer,
    outsider,
    workspace,
    draft,
    ydoc,
    url,
    params,
    post,
    page,
  };
}

function anchorOf(doc: Y.Doc, quote: string): CommentAnchor {
  const anchor = anchorForText(doc, quote);
  if (!anchor) throw new Error(`"${quote}" not in the document`);
  return anchor;
}

describe("comments on a strategy draft", () => {
  it("creates a thread on a range, audited, shown with its anchor; replies and rights to resolve/reopen", async () => {
    const { owner, editor, viewer, ydoc, post, page } = await setup();
    const anchor = anchorOf(ydoc, "nowe miejsca pracy");
    // A VIEWER may comment ("read and comment").
    const created = await post(viewer.cookie, {
      intent: "comment.create",
      ...anchor,
      quote: "nowe miejsca pracy",
      body: "Ile miejsc pracy?",
    });
    expect(created.status).toBe(200);
    const threadId = (created.data as { threadId: string }).threadId;
    const row = await db.strategyDraftComment.findUniqueOrThrow({
      where: { id: threadId },
    });
    expect(row).toMatchObject({
      authorId: viewer.user.id,
      threadId: null,
      quote: "nowe miejsca pracy",
      body: "Ile miejsc pracy?",
    });
    expect(
      await db.auditLog.count({
        where: {
          action: "strategy.comment.create",
          entityId: threadId,
          actorId: viewer.user.id,
        },
      })
    ).toBe(1);

    // The stored anchor still finds its words after someone types before them.
    const list = await page(editor.cookie);
    const thread = list.comments.threads[0];
    const paragraph = ydoc.getXmlFragment(COLLAB_FIELD).get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert(0, "Priorytet: ");
    expect(
      textOfAnchor(ydoc, {
        anchorStart: thread.anchorStart!,
        anchorEnd: thread.anchorEnd!,
      })
    ).toBe("nowe miejsca pracy");
    expect(thread).toMatchObject({
      id: threadId,
      quote: "nowe miejsca pracy",
      resolved: null,
      canResolve: true,
      replies: [],
    });
    expect(thread.root).toMatchObject({
      body: "Ile miejsc pracy?",
      author: { id: viewer.user.id, name: "Michał Dąbrowski" },
      canEdit: false,
      canDelete: false,
    });

    const reply = await post(editor.cookie, {
      intent: "comment.reply",
      threadId,
      body: "Około 2 tysięcy.",
    });
    expect(reply.status).toBe(200);
    expect(
      (await page(owner.cookie)).comments.threads[0].replies.map((r) => r.body)
    ).toEqual(["Około 2 tysięcy."]);

    // A VIEWER who did not start a thread may not resolve it (403, audited); its author may.
    const own = await post(editor.cookie, {
      intent: "comment.create",
      ...anchorOf(ydoc, "czyste powietrze"),
      quote: "czyste powietrze",
      body: "Źródła danych?",
    });
    const editorsThread = (own.data as { threadId: string }).threadId;
    const denied = await post(viewer.cookie, {
      intent: "comment.resolve",
      threadId: editorsThread,
    });
    expect(denied.status).toBe(403);
    expect(
      await db.auditLog.count({
        where: {
          action: "permission.denied",
          actorId: viewer.user.id,
          summary: "strategy.comment.resolve",
        },
      })
    ).toBe(1);
    expect(
      (await post(viewer.cookie, { intent: "comment.resolve", threadId }))
        .status
    ).toBe(200);
    // An EDITOR reopens anyone's thread, the OWNER resolves it again; both audited.
    expect(
      (await post(editor.cookie, { intent: "comment.reopen", threadId })).status
    ).toBe(200);
    expect(
      (await post(owner.cookie, { intent: "comment.resolve", threadId })).status
    ).toBe(200);
    expect(
      await db.auditLog.count({
        where: { action: "strategy.comment.resolve", entityId: threadId },
      })
    ).toBe(2);
    expect(
      await db.auditLog.count({
        where: {
          action: "strategy.comment.reopen",
          entityId: threadId,
          actorId: editor.user.id,
        },
      })
    ).toBe(1);

    // Open threads first, then resolved ones, with who resolved them.
    const after = await page(viewer.cookie);
    expect(after.comments.threads.map((t) => t.id)).toEqual([
      editorsThread,
      threadId,
    ]);
    expect(after.comments).toMatchObject({
      openTotal: 1,
      resolvedTotal: 1,
      canComment: true,
    });
    expect(after.comments.threads[1].resolved).toMatchObject({
      by: "Magdalena Wróbel",
    });
    expect(after.comments.threads[0].canResolve).toBe(false);
  });

  it("validates next to the field: empty body, no selection, unknown intent", async () => {
    const { editor, ydoc, post } = await setup();
    const anchor = anchorOf(ydoc, "Cel 2");
    const empty = await post(editor.cookie, {
      intent: "comment.create",
      ...anchor,
      quote: "Cel 2",
      body: "   ",
    });
    expect(empty.status).toBe(400);
    expect(empty.data).toMatchObject({
      ok: false,
      errors: { body: "comments.form.empty" },
    });
    const noAnchor = await post(editor.cookie, {
      intent: "comment.create",
      anchorStart: "",
      anchorEnd: "%%%",
      quote: "x",
      body: "Uwaga",
    });
    expect(noAnchor.status).toBe(400);
    expect(noAnchor.data).toMatchObject({
      ok: false,
      error: "strategyComments.form.noSelection",
    });
    const odd = await post(editor.cookie, { intent: "comment.frobnicate" });
    expect(odd.status).toBe(400);
    expect(odd.data).toMatchObject({ ok: false, error: "validation.invalid" });
    expect(await db.strategyDraftComment.count()).toBe(0);
  });

  it("notifies mentioned workspace members, ignores a non-member, and notifies only new mentions on edit", async () => {
    const { owner, editor, viewer, outsider, draft, workspace, ydoc, post } =
      await setup();
    const body = `Proszę o opinię ${mentionToken({
      id: owner.user.id,
      name: "Ktoś Inny",
    })} i ${mentionToken({ id: outsider.user.id, name: "Anna Lewandowska" })}`;
    const created = await post(editor.cookie, {
      intent: "comment.create",
      ...anchorOf(ydoc, "kopalni Bełchatów"),
      quote: "kopalni Bełchatów",
      body,
    });
    const threadId = (created.data as { threadId: string }).threadId;
    const notes = await db.notification.findMany({
      where: { kind: "mention" },
    });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      userId: owner.user.id,
      actorId: editor.user.id,
      title: "strategyComments.notification.mention",
      url: `/przestrzenie/${workspace.id}/strategie/${draft.id}#komentarz-${threadId}`,
    });
    expect(JSON.parse(notes[0].data ?? "{}")).toEqual({
      name: "Katarzyna Wójcik",
      draft: "Strategia — projekt",
    });
    // The stored body carries the member's real name; the outsider's token became plain text.
    const stored = await db.strategyDraftComment.findUniqueOrThrow({
      where: { id: threadId },
    });
    expect(stored.body).toBe(
      `Proszę o opinię ${mentionToken({
        id: owner.user.id,
        name: "Magdalena Wróbel",
      })} i @Anna Lewandowska`
    );

    // A reply mentioning the viewer links to the thread; an edit adding nobody new notifies nobody.
    const reply = await post(owner.cookie, {
      intent: "comment.reply",
      threadId,
      body: `${mentionToken({
        id: viewer.user.id,
        name: "Michał Dąbrowski",
      })} zobacz`,
    });
    const replyId = (reply.data as { commentId: string }).commentId;
    expect(
      await db.notification.count({
        where: {
          userId: viewer.user.id,
          url: { endsWith: `#komentarz-${threadId}` },
        },
      })
    ).toBe(1);
    expect(
      (
        await post(owner.cookie, {
          intent: "comment.update",
          commentId: replyId,
          body: `${mentionToken({
            id: viewer.user.id,
            name: "Michał Dąbrowski",
          })} zobacz, proszę`,
        })
      ).status
    ).toBe(200);
    expect(
      await db.notification.count({ where: { userId: viewer.user.id } })
    ).toBe(1);
    expect(
      await db.auditLog.count({
        where: { action: "strategy.comment.update", entityId: replyId },
      })
    ).toBe(1);
    expect(
      await db.notification.count({ where: { userId: outsider.user.id } })
    ).toBe(0);
  });

  it("edits and deletes only one's own; a deleted first comment keeps the replies readable", async () => {
    const { editor, viewer, owner, ydoc, post, page } = await setup();
    const created = await post(editor.cookie, {
      intent: "comment.create",
      ...anchorOf(ydoc, "ciepło systemowe"),
      quote: "ciepło systemowe",
      body: "Pierwszy",
    });
    const threadId = (created.data as { threadId: string }).threadId;
    await post(viewer.cookie, {
      intent: "comment.reply",
      threadId,
      body: "Odpowiedź widza",
    });

    expect(
      (
        await post(owner.cookie, {
          intent: "comment.update",
          commentId: threadId,
          body: "Cudza zmiana",
        })
      ).status
    ).toBe(403);
    expect(
      (
        await post(owner.cookie, {
          intent: "comment.delete",
          commentId: threadId,
        })
      ).status
    ).toBe(403);
    expect(
      (
        await db.strategyDraftComment.findUniqueOrThrow({
          where: { id: threadId },
        })
      ).body
    ).toBe("Pierwszy");

    expect(
      (
        await post(editor.cookie, {
          intent: "comment.update",
          commentId: threadId,
          body: "Pierwszy, poprawiony",
        })
      ).status
    ).toBe(200);
    expect(
      (
        await post(editor.cookie, {
          intent: "comment.delete",
          commentId: threadId,
        })
      ).status
    ).toBe(200);
    expect(
      await db.auditLog.count({
        where: {
          action: "strategy.comment.delete",
          entityId: threadId,
          actorId: editor.user.id,
        },
      })
    ).toBe(1);
    // Deleting twice: it is gone.
    expect(
      (
        await post(editor.cookie, {
          intent: "comment.delete",
          commentId: threadId,
        })
      ).status
    ).toBe(404);

    const list = (await page(viewer.cookie)).comments;
    expect(list.threads).toHaveLength(1);
    expect(list.threads[0].root).toMatchObject({
      body: null,
      canEdit: false,
      canDelete: false,
    });
    expect(list.threads[0].replies.map((r) => r.body)).toEqual([
      "Odpowiedź widza",
    ]);

    // Once the last reply is deleted too, the thread disappears.
    await post(viewer.cookie, {
      intent: "comment.delete",
      commentId: list.threads[0].replies[0].id,
    });
    expect((await page(viewer.cookie)).comments.threads).toHaveLength(0);
  });

  it("gives a non-member 404 for the comments and for every comment intent; an archived workspace 403", async () => {
    const { editor, outsider, ydoc, post, page, workspace, viewer } =
      await setup();
    const created = await post(editor.cookie, {
      intent: "comment.create",
      ...anchorOf(ydoc, "Cel 1"),
      quote: "Cel 1",
      body: "Uwaga",
    });
    const threadId = (created.data as { threadId: string }).threadId;
    expect((await page(outsider.cookie)).status).toBe(404);
    const intents: Record<string, string>[] = [
      {
        intent: "comment.create",
        ...anchorOf(ydoc, "Cel 2"),
        quote: "Cel 2",
        body: "Obcy",
      },
      { intent: "comment.reply", threadId, body: "Obcy" },
      { intent: "comment.update", commentId: threadId, body: "Obcy" },
      { intent: "comment.delete", commentId: threadId },
      { intent: "comment.resolve", threadId },
      { intent: "comment.reopen", threadId },
      { intent: "comment.bogus" },
    ];
    for (const form of intents)
      expect({
        intent: form.intent,
        status: (await post(outsider.cookie, form)).status,
      }).toEqual({ intent: form.intent, status: 404 });
    expect(await db.strategyDraftComment.count()).toBe(1);

    // A comment of another draft is not found through this one.
    const other = await db.strategyDraft.create({
      data: {
        workspaceId: workspace.id,
        title: "Inny",
        createdById: editor.user.id,
        updatedById: editor.user.id,
      },
    });
    const foreign = await db.strategyDraftComment.create({
      data: {
        draftId: other.id,
        authorId: editor.user.id,
        body: "Gdzie indziej",
      },
    });
    expect(
      (
        await post(editor.cookie, {
          intent: "comment.update",
          commentId: foreign.id,
          body: "x",
        })
      ).status
    ).toBe(404);
    expect(
      (
        await post(editor.cookie, {
          intent: "comment.resolve",
          threadId: foreign.id,
        })
      ).status
    ).toBe(404);

    await db.workspace.update({
      where: { id: workspace.id },
      data: { archivedAt: new Date() },
    });
    expect(
      (
        await post(viewer.cookie, {
          intent: "comment.reply",
          threadId,
          body: "Po archiwizacji",
        })
      ).status
    ).toBe(403);
    expect(
      (await post(editor.cookie, { intent: "comment.resolve", threadId }))
        .status
    ).toBe(403);
    expect((await page(viewer.cookie)).comments).toMatchObject({
      canComment: false,
      archived: true,
      mentionable: [],
    });
  });

  it("lists threads with a fixed number of queries", async () => {
    const { owner, editor, viewer, ydoc, post, page } = await setup();
    const measure = () => countStatements(() => page(owner.cookie));
    await post(editor.cookie, {
      intent: "comment.create",
      ...anchorOf(ydoc, "Cel 1"),
      quote: "Cel 1",
      body: "Jeden",
    });
    const few = await measure();
    for (let i = 0; i < 6; i++) {
      const c = await post(i % 2 ? viewer.cookie : editor.cookie, {
        intent: "comment.create",
        ...anchorOf(ydoc, "Cel 2"),
        quote: "Cel 2",
        body: `Wątek ${i}`,
      });
      const threadId = (c.data as { threadId: string }).threadId;
      await post(owner.cookie, {
        intent: "comment.reply",
        threadId,
        body: `Odpowiedź ${i}`,
      });
      if (i % 3 === 0)
        await post(owner.cookie, { intent: "comment.resolve", threadId });
    }
    expect(await measure()).toBe(few);
    const list = (await page(owner.cookie)).comments;
    expect(list).toMatchObject({ openTotal: 5, resolvedTotal: 2 });
    expect(list.threads).toHaveLength(7);
  });
});
