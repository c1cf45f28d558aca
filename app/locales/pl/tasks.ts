// Teksty: tasks.
export const tasks = {
  "tasks.title": "Zadania",
};
