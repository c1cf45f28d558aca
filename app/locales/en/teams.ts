import type { teams as pl } from "../pl/teams";

export const teams: Record<keyof typeof pl, string> = {
  "teams.title": "Executive teams",
};
