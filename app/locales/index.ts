// One flat dictionary per language, merged from per-domain files so features own their texts.
import { common as plCommon } from "./pl/common";
import { auth as plAuth } from "./pl/auth";
import { admin as plAdmin } from "./pl/admin";
import { audit as plAudit } from "./pl/audit";
import { workspaces as plWorkspaces } from "./pl/workspaces";
import { library as plLibrary } from "./pl/library";
import { search as plSearch } from "./pl/search";
import { notifications as plNotifications } from "./pl/notifications";
import { teams as plTeams } from "./pl/teams";
import { tasks as plTasks } from "./pl/tasks";
import { taskViews as plTaskViews } from "./pl/taskViews";
import { reminders as plReminders } from "./pl/reminders";
import { recurrences as plRecurrences } from "./pl/recurrences";
import { ideasPublic as plIdeasPublic } from "./pl/ideasPublic";
import { ideasInbox as plIdeasInbox } from "./pl/ideasInbox";
import { meetingInvitations as plMeetingInvitations } from "./pl/meetingInvitations";
import { meetings as plMeetings } from "./pl/meetings";
import { meetingAttendance as plMeetingAttendance } from "./pl/meetingAttendance";
import { meetingViews as plMeetingViews } from "./pl/meetingViews";
import { strategy as plStrategy } from "./pl/strategy";
import { strategyComments as plStrategyComments } from "./pl/strategyComments";
import { strategyExport as plStrategyExport } from "./pl/strategyExport";
import { strategyVersions as plStrategyVersions } from "./pl/strategyVersions";
import { common as enCommon } from "./en/common";
import { auth as enAuth } from "./en/auth";
import { admin as enAdmin } from "./en/admin";
import { audit as enAudit } from "./en/audit";
import { workspaces as enWorkspaces } from "./en/workspaces";
import { library as enLibrary } from "./en/library";
import { search as enSearch } from "./en/search";
import { notifications as enNotifications } from "./en/notifications";
import { teams as enTeams } from "./en/teams";
import { tasks as enTasks } from "./en/tasks";
import { taskViews as enTaskViews } from "./en/taskViews";
import { reminders as enReminders } from "./en/reminders";
import { recurrences as enRecurrences } from "./en/recurrences";
import { ideasPublic as enIdeasPublic } from "./en/ideasPublic";
import { ideasInbox as enIdeasInbox } from "./en/ideasInbox";
import { meetingInvitations as enMeetingInvitations } from "./en/meetingInvitations";
import { meetings as enMeetings } from "./en/meetings";
import { meetingAttendance as enMeetingAttendance } from "./en/meetingAttendance";
import { meetingViews as enMeetingViews } from "./en/meetingViews";
import { strategy as enStrategy } from "./en/strategy";
import { strategyComments as enStrategyComments } from "./en/strategyComments";
import { strategyExport as enStrategyExport } from "./en/strategyExport";
import { strategyVersions as enStrategyVersions } from "./en/strategyVersions";

export const pl = { ...plCommon, ...plAuth, ...plAdmin, ...plAudit, ...plWorkspaces, ...plLibrary, ...plNotifications, ...plSearch, ...plTeams, ...plTasks, ...plTaskViews, ...plReminders, ...plRecurrences, ...plIdeasPublic, ...plIdeasInbox, ...plMeetingInvitations, ...plMeetings, ...plMeetingAttendance, ...plMeetingViews, ...plStrategy, ...plStrategyComments, ...plStrategyExport, ...plStrategyVersions };
export type MessageKey = keyof typeof pl;
export type Dictionary = Record<MessageKey, string>;

export const en: Dictionary = { ...enCommon, ...enAuth, ...enAdmin, ...enAudit, ...enWorkspaces, ...enLibrary, ...enNotifications, ...enSearch, ...enTeams, ...enTasks, ...enTaskViews, ...enReminders, ...enRecurrences, ...enIdeasPublic, ...enIdeasInbox, ...enMeetingInvitations, ...enMeetings, ...enMeetingAttendance, ...enMeetingViews, ...enStrategy, ...enStrategyComments, ...enStrategyExport, ...enStrategyVersions };

export const LOCALES = ["pl", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "pl";

export const dictionaries: Record<Locale, Dictionary> = { pl, en };
