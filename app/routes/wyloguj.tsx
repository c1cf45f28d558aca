import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { blankSessionCookie, getCurrentUser, sessionIdFromRequest } from "~/modules/auth/session.server";
import { signOut } from "~/modules/auth/auth.server";
import { requestMeta } from "~/utils/request.server";
import { toastHeader } from "~/utils/toast.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getCurrentUser(request);
  if (user) await signOut(user, sessionIdFromRequest(request), requestMeta(request, context));
  const headers = new Headers();
  headers.append("Set-Cookie", blankSessionCookie());
  headers.append("Set-Cookie", await toastHeader({ key: "logout.done" }));
  return redirect("/logowanie", { headers });
}

export function loader() {
  throw redirect("/");
}
