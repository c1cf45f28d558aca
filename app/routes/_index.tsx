import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getCurrentUser } from "~/modules/auth/session.server";
import { hasAnyUser } from "~/modules/auth/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await hasAnyUser())) throw redirect("/konfiguracja");
  const user = await getCurrentUser(request);
  throw redirect(user ? "/pulpit" : "/logowanie");
}
