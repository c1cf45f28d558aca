// Moje zadania: what the URL may ask for and the fixed sizes (shared by the server and the page).
import { z } from "zod";
import type { DueBucket } from "./deadline";

export const MY_TASKS_PAGE = 50;
/** "Także zrobione": tasks completed in the last this many days. */
export const DONE_RECENT_DAYS = 14;
export const DONE_RECENT_MAX = 50;
/** The groups, in deadline order. */
export const BUCKETS: DueBucket[] = ["overdue", "today", "thisWeek", "later", "none"];

export const myTasksQuerySchema = z.object({
  pomagam: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
  zrobione: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type MyTasksQuery = z.infer<typeof myTasksQuerySchema>;
