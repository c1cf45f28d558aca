import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Stack } from "@mantine/core";
import { ErrorPage } from "~/components/ErrorPage";
import { DocumentComments } from "~/modules/comments/components/DocumentComments";
import { commentAction, isCommentIntent, loadDocumentComments } from "~/modules/comments/comments.server";
import { FileView } from "~/modules/library/components/FileView";
import { filePageAction, loadFilePage } from "~/modules/library/library-pages.server";
import { formToObject } from "~/utils/forms";
import { requireUser } from "~/modules/auth/session.server";
import { docxPreviewHtml } from "~/modules/search/docx-preview.server";
import { extractionStatusOf } from "~/modules/search/extract.server";
import { DocxPreview } from "~/modules/search/components/DocxPreview";
import { TextExtractionStatus } from "~/modules/search/components/TextExtractionStatus";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.document.name} — ${data.workspace.name} — Razem` : "Razem" }];

/**
 * A file with its preview and version history (404 for another workspace's file or one in the
 * trash), then its comments: loadFilePage authorises the document first.
 */
export async function loader(args: LoaderFunctionArgs) {
  const page = await loadFilePage(args);
  const { comments, mentionable } = await loadDocumentComments(args);
  const { id, currentVersion } = page.document;
  const user = await requireUser(args.request);
  const [docxPreview, textStatus] = await Promise.all([
    docxPreviewHtml(user, page.workspace.id, id, currentVersion),
    extractionStatusOf(id, currentVersion),
  ]);
  return { ...page, comments, mentionable, docxPreview, textStatus };
}

/** Comment intents ("comment.*") go to the comments module, everything else to the library. */
export async function action(args: ActionFunctionArgs) {
  const form = formToObject(await args.request.clone().formData());
  if (isCommentIntent(form.intent)) return commentAction(args, form);
  return filePageAction(args);
}

export default function LibraryFile() {
  const data = useLoaderData<typeof loader>();
  return (
    <Stack gap="xl">
      <FileView data={data} hidePreview={!!data.docxPreview} />
      {data.docxPreview ? <DocxPreview preview={data.docxPreview} /> : null}
      <TextExtractionStatus status={data.textStatus.status} chars={data.textStatus.chars} />
      <DocumentComments comments={data.comments} mentionable={data.mentionable} currentVersion={data.document.currentVersion} />
    </Stack>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
