// Teksty: teams.
export const teams = {
  "teams.title": "Zespoły wykonawcze",
};
