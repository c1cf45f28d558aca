import { useEffect, useRef } from "react";
import { useFetcher } from "@remix-run/react";

/**
 * A fetcher for one of a page's small forms that calls `onDone` once after each successful answer
 * (`{ ok: true, … }`); the page's loaders then revalidate, so lists refresh by themselves.
 */
export function useActionFetcher<T extends { ok: boolean }>(onDone?: (data: T) => void) {
  const fetcher = useFetcher<T>();
  const previous = useRef(fetcher.state);
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    const data = fetcher.data as T | undefined;
    if (previous.current !== "idle" && fetcher.state === "idle" && data?.ok) done.current?.(data);
    previous.current = fetcher.state;
  }, [fetcher.state, fetcher.data]);
  return fetcher;
}

/** The answer of the fetcher's last submission once it is back (undefined while it is under way). */
export function settled<T>(fetcher: { state: string; data?: T }): T | undefined {
  return fetcher.state === "idle" ? fetcher.data : undefined;
}
