// GET /przestrzenie/:ws/strategie/obrazy?q= — the workspace library's images for the draft editor's
// picker (JSON). 404 for people who do not see the workspace.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/session.server";
import { libraryImages } from "~/modules/strategy/library-images.server";
import { requireWorkspace } from "~/modules/workspaces/access.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ws = await requireWorkspace(user, params.workspaceId ?? "", "view");
  return libraryImages(ws.workspace.id, new URL(request.url).searchParams.get("q") ?? "");
}
