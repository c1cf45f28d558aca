// UploadThing's endpoint (only when UPLOADTHING_TOKEN is set; 404 otherwise). See
// app/modules/library/uploadthing-router.server.ts and docs/decisions/0011-uploadthing-store.md.
//   GET                               the route config (allowed types, size) — signed-in people only
//   POST ?actionType=upload&slug=…    the browser asks for a presigned URL — signed-in (401), then
//                                     the router's middleware authorises the workspace and target
//   POST + uploadthing-hook header    UploadThing's callback — no session; refused unless its
//                                     x-uploadthing-signature (HMAC-SHA256 of the body) verifies
// Outside the _app layout: JSON answers only.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getCurrentUser } from "~/modules/auth/session.server";
import { jsonResponse } from "~/modules/library/library-http.server";
import { uploadThingRouteHandler } from "~/modules/library/uploadthing-router.server";

const notConfigured = () => jsonResponse({ message: "library.upload.notFound" }, 404);
const signedOut = () => jsonResponse({ message: "library.upload.signedOut" }, 401);

export async function loader(args: LoaderFunctionArgs) {
  const handler = uploadThingRouteHandler();
  if (!handler) return notConfigured();
  if (!(await getCurrentUser(args.request))) return signedOut();
  return handler.loader(args);
}

export async function action(args: ActionFunctionArgs) {
  const handler = uploadThingRouteHandler();
  if (!handler) return notConfigured();
  const fromUploadThing = args.request.headers.has("uploadthing-hook");
  if (!fromUploadThing && !(await getCurrentUser(args.request))) return signedOut();
  return handler.action(args);
}
