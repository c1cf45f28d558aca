import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { FolderView } from "~/modules/library/components/FolderView";
import { folderPageAction, loadFolderPage } from "~/modules/library/library-pages.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Biblioteka — ${data.workspace.name} — Razem` : "Razem" }];

/** The library's root folder. */
export async function loader(args: LoaderFunctionArgs) {
  return loadFolderPage(args, null);
}

export async function action(args: ActionFunctionArgs) {
  return folderPageAction(args, null);
}

export default function LibraryRoot() {
  return <FolderView data={useLoaderData<typeof loader>()} />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
