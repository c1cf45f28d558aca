import type { admin as pl } from "../pl/admin";

export const admin: Record<keyof typeof pl, string> = {};
