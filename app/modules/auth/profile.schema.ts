import { z } from "zod";
import { nameField } from "./auth.schema";

export const profileSchema = z.object({
  name: nameField,
  locale: z.enum(["pl", "en"], { message: "validation.invalid" }),
});
