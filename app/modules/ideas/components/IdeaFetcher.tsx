import { useActionFetcher } from "~/utils/use-action-fetcher";
import type { IdeaActionData } from "../idea-page.server";

export { settled } from "~/utils/use-action-fetcher";

/** A fetcher for one of the idea page's forms (see useActionFetcher). */
export const useIdeaFetcher = (onDone?: (data: IdeaActionData) => void) => useActionFetcher<IdeaActionData>(onDone);
