import { useActionFetcher } from "~/utils/use-action-fetcher";
import type { TaskActionData } from "../task-page.server";

export { settled } from "~/utils/use-action-fetcher";

/** A fetcher for one of the task page's forms (see useActionFetcher). */
export const useTaskFetcher = (onDone?: (data: TaskActionData) => void) => useActionFetcher<TaskActionData>(onDone);
