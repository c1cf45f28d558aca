import type { tasks as pl } from "../pl/tasks";

export const tasks: Record<keyof typeof pl, string> = {
  "tasks.title": "Tasks",
};
