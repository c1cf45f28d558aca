import type { audit as pl } from "../pl/audit";

export const audit: Record<keyof typeof pl, string> = {};
