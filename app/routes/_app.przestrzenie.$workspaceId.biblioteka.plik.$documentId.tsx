import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { FileView } from "~/modules/library/components/FileView";
import { filePageAction, loadFilePage } from "~/modules/library/library-pages.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.document.name} — ${data.workspace.name} — Razem` : "Razem" }];

/** A file with its preview and version history (404 for another workspace's file or one in the trash). */
export async function loader(args: LoaderFunctionArgs) {
  return loadFilePage(args);
}

export async function action(args: ActionFunctionArgs) {
  return filePageAction(args);
}

export default function LibraryFile() {
  return <FileView data={useLoaderData<typeof loader>()} />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
