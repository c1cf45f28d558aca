import type { taskViews as pl } from "../pl/taskViews";

export const taskViews: Record<keyof typeof pl, string> = {
  "taskViews.title": "My tasks",
};
