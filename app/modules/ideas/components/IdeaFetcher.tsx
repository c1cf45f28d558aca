import { useEffect, useRef } from "react";
import { useFetcher } from "@remix-run/react";
import type { IdeaActionData } from "../idea-page.server";

/**
 * A fetcher for one of the idea page's forms that calls `onDone` once after each successful
 * answer (the page's loader then revalidates, so everything refreshes by itself).
 */
export function useIdeaFetcher(onDone?: (data: IdeaActionData) => void) {
  const fetcher = useFetcher<IdeaActionData>();
  const previous = useRef(fetcher.state);
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    if (previous.current !== "idle" && fetcher.state === "idle" && fetcher.data?.ok) done.current?.(fetcher.data);
    previous.current = fetcher.state;
  }, [fetcher.state, fetcher.data]);
  return fetcher;
}

/** The answer of the fetcher's last submission once it is back (undefined while it is under way). */
export function settled<T>(fetcher: { state: string; data?: T }): T | undefined {
  return fetcher.state === "idle" ? fetcher.data : undefined;
}
