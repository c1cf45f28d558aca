import { z } from "zod";

/** `/powiadomienia?pokaz=nieprzeczytane&page=2` — anything odd falls back to the first page of all. */
export const notificationsQuerySchema = z.object({
  pokaz: z.enum(["wszystkie", "nieprzeczytane"]).catch("wszystkie"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export const notificationsActionSchema = z.object({ intent: z.literal("readAll") });

export const notificationIdSchema = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
