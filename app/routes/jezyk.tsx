import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { db } from "~/utils/db.server";
import { getCurrentUser } from "~/modules/auth/session.server";
import { localeCookie } from "~/utils/i18n.server";
import { isLocale } from "~/utils/i18n";
import { safeRedirect } from "~/modules/auth/auth.schema";
import { recordAudit } from "~/modules/audit/audit.server";
import { requestMeta } from "~/utils/request.server";

/** Switches the interface language: saved on the account when signed in, in a cookie otherwise. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = form.get("locale");
  const to = safeRedirect(String(form.get("redirectTo") ?? ""), "/");
  if (!isLocale(locale)) throw new Response("Bad Request", { status: 400 });
  const user = await getCurrentUser(request);
  if (user && user.locale !== locale) {
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { locale } });
      await recordAudit(
        { actor: user, action: "user.profile.update", entityType: "User", entityId: user.id, changes: { locale: [user.locale, locale] }, ip: requestMeta(request, context).ip },
        tx,
      );
    });
  }
  return redirect(to, { headers: { "Set-Cookie": await localeCookie.serialize(locale) } });
}

export function loader() {
  throw redirect("/");
}
