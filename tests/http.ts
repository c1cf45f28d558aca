// Real Request objects for calling route loaders and actions the way Remix does.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

export const testContext = { cspNonce: "", clientIp: "127.0.0.1" };

type Init = { cookie?: string; form?: Record<string, string>; headers?: Record<string, string>; method?: string };

export function makeRequest(path: string, init: Init = {}): Request {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("Cookie", init.cookie);
  const method = init.method ?? (init.form ? "POST" : "GET");
  const body = init.form ? new URLSearchParams(init.form) : undefined;
  if (body) headers.set("Content-Type", "application/x-www-form-urlencoded");
  return new Request(`http://razem.test${path}`, { method, headers, body });
}

type Fn<A> = (args: A) => unknown;

/** Runs a loader/action and returns what it returned or threw, normalised to status + body. */
export async function run<A extends LoaderFunctionArgs | ActionFunctionArgs>(
  fn: Fn<A>,
  request: Request,
  params: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; data: unknown }> {
  let result: unknown;
  try {
    result = await fn({ request, params, context: testContext } as A);
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) {
    const text = await result.text();
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {
      /* plain text body */
    }
    return { status: result.status, headers: result.headers, data };
  }
  // Remix's data() helper: { type: "DataWithResponseInit", data, init }
  if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
    const d = result as { data: unknown; init?: ResponseInit | null };
    return { status: d.init?.status ?? 200, headers: new Headers(d.init?.headers), data: d.data };
  }
  if (result instanceof Error) throw result;
  return { status: 200, headers: new Headers(), data: result };
}
