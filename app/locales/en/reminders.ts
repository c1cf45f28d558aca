import type { reminders as pl } from "../pl/reminders";

export const reminders: Record<keyof typeof pl, string> = {
  "reminders.title": "Reminders and calendar",
};
