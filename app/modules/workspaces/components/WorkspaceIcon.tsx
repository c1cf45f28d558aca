import { ThemeIcon, type ThemeIconProps } from "@mantine/core";
import {
  IconBuildingFactory2,
  IconBulb,
  IconCalendarEvent,
  IconChartLine,
  IconCoins,
  IconFileText,
  IconFolders,
  IconLeaf,
  IconMap2,
  IconMessages,
  IconSpeakerphone,
  IconUsersGroup,
} from "@tabler/icons-react";
import { WORKSPACE_COLORS, WORKSPACE_ICONS, type WorkspaceIconName } from "../workspaces.schema";

export const WORKSPACE_ICON_COMPONENTS: Record<WorkspaceIconName, typeof IconFolders> = {
  folders: IconFolders,
  "file-text": IconFileText,
  "chart-line": IconChartLine,
  speakerphone: IconSpeakerphone,
  messages: IconMessages,
  "users-group": IconUsersGroup,
  bulb: IconBulb,
  "building-factory": IconBuildingFactory2,
  leaf: IconLeaf,
  map: IconMap2,
  calendar: IconCalendarEvent,
  coins: IconCoins,
};

/** Unknown values (an icon or colour removed from the list later) fall back to the defaults. */
export function workspaceIcon(name: string) {
  return WORKSPACE_ICON_COMPONENTS[(WORKSPACE_ICONS as readonly string[]).includes(name) ? (name as WorkspaceIconName) : "folders"];
}

export function workspaceColor(color: string): string {
  return (WORKSPACE_COLORS as readonly string[]).includes(color) ? color : "teal";
}

/**
 * The workspace's colour and icon. Decorative: the name always stands next to it, so the colour is
 * never the only way to tell workspaces apart.
 */
export function WorkspaceAvatar({ color, icon, size = "lg" }: { color: string; icon: string; size?: ThemeIconProps["size"] }) {
  const Icon = workspaceIcon(icon);
  return (
    <ThemeIcon color={workspaceColor(color)} variant="light" size={size} radius="md" aria-hidden>
      <Icon size="70%" stroke={1.6} />
    </ThemeIcon>
  );
}
