// GET: download one version of a file as an attachment, streamed from the store.
// Authorised on every request (workspace "view"); another workspace's file is a 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/session.server";
import { fileResponse } from "~/modules/library/library-http.server";
import { findVersion, requireLibrary } from "~/modules/library/library.server";
import { requestMeta } from "~/utils/request.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const lib = await requireLibrary(user, params.workspaceId ?? "", "view", requestMeta(request, context).ip);
  const version = await findVersion(lib.workspaceId, params.documentId ?? "", Number(params.number));
  return fileResponse(request, version, "attachment");
}
