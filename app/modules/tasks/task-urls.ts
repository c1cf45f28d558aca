// Addresses of team and task pages (Polish paths), in one place for links, redirects and e-mails.
export const teamUrls = {
  list: () => "/zespoly",
  create: () => "/zespoly/nowy",
  team: (teamId: string) => `/zespoly/${encodeURIComponent(teamId)}`,
  board: (teamId: string) => `/zespoly/${encodeURIComponent(teamId)}/tablica`,
  tasks: (teamId: string) => `/zespoly/${encodeURIComponent(teamId)}/zadania`,
  newTask: (teamId: string) => `/zespoly/${encodeURIComponent(teamId)}/zadania/nowe`,
  tasksCsv: (teamId: string) => `/zespoly/${encodeURIComponent(teamId)}/zadania.csv`,
  settings: (teamId: string) => `/zespoly/${encodeURIComponent(teamId)}/ustawienia`,
  trash: (teamId: string) => `/zespoly/${encodeURIComponent(teamId)}/kosz`,
  myTasks: () => "/zadania",
  calendar: () => "/zadania/kalendarz",
};

export function taskUrl(teamId: string, taskId: string): string {
  return `/zespoly/${encodeURIComponent(teamId)}/zadania/${encodeURIComponent(taskId)}`;
}
