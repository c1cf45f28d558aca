import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { FolderView } from "~/modules/library/components/FolderView";
import { folderPageAction, loadFolderPage } from "~/modules/library/library-pages.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.folder?.name ?? "Biblioteka"} — ${data.workspace.name} — Razem` : "Razem" },
];

/** One folder of the library (404 for a folder of another workspace or in the trash). */
export async function loader(args: LoaderFunctionArgs) {
  return loadFolderPage(args, args.params.folderId ?? "");
}

/** New folder here (the parent is checked: this workspace, not in the trash), rename/move/trash listed items. */
export async function action(args: ActionFunctionArgs) {
  return folderPageAction(args, args.params.folderId ?? "");
}

export default function LibraryFolder() {
  return <FolderView data={useLoaderData<typeof loader>()} />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
