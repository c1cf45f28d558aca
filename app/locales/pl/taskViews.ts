// Teksty: taskViews.
export const taskViews = {
  "taskViews.title": "Moje zadania",
};
