// GET: inline preview of a PDF or image version, shown by the file page in an <iframe>/<img>.
// Other types are a 404 here (they are only downloadable). server/security.ts lets our own pages
// frame exactly this path (frame-ancestors 'self', X-Frame-Options SAMEORIGIN); everything else
// stays unframeable.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/session.server";
import { fileResponse } from "~/modules/library/library-http.server";
import { findVersion, requireLibrary } from "~/modules/library/library.server";
import { requestMeta } from "~/utils/request.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const lib = await requireLibrary(user, params.workspaceId ?? "", "view", requestMeta(request, context).ip);
  const version = await findVersion(lib.workspaceId, params.documentId ?? "", Number(params.number));
  return fileResponse(request, version, "inline");
}
