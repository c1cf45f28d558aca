// Forms of strategy drafts. Messages are translation keys ("key|{vars}"). Pure: pages use it too.
import { z } from "zod";

export const TITLE_MAX = 200;

const title = z
  .string({ required_error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(TITLE_MAX, `validation.tooLong|${JSON.stringify({ max: TITLE_MAX })}`);

export const draftCreateSchema = z.object({ title });
export const draftRenameSchema = z.object({
  title,
  version: z.coerce.number({ invalid_type_error: "validation.invalid" }).int("validation.invalid").min(1, "validation.invalid"),
});

export type DraftCreateInput = z.infer<typeof draftCreateSchema>;
export type DraftRenameInput = z.infer<typeof draftRenameSchema>;

export const REVIEW_STATUSES = ["DRAFT", "IN_REVIEW", "APPROVED"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** `?page=` of the list, leniently: anything odd is page 1. */
export function parsePage(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}
