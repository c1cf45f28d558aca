import { checkDatabase } from "~/utils/db.server";

export async function loader() {
  const database = await checkDatabase();
  const body = { status: database.ok ? "ok" : "error", database: database.ok ? "ok" : "error", time: new Date().toISOString() };
  return new Response(JSON.stringify(body), {
    status: database.ok ? 200 : 503,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}
