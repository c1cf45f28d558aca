// Teksty: reminders.
export const reminders = {
  "reminders.title": "Przypomnienia i kalendarz",
};
