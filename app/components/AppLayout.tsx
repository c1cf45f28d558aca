import type { ReactNode } from "react";
import { Form, NavLink as RemixNavLink, Link, useLocation, useRouteLoaderData } from "@remix-run/react";
import {
  AppShell,
  Avatar,
  Burger,
  Group,
  Menu,
  NavLink,
  Text,
  TextInput,
  UnstyledButton,
  useMantineColorScheme,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import {
  IconBulb,
  IconCalendarEvent,
  IconChecklist,
  IconBellCog,
  IconDeviceDesktop,
  IconFolders,
  IconHome,
  IconLanguage,
  IconLogout,
  IconMoon,
  IconSearch,
  IconSettings,
  IconSun,
  IconUser,
  IconUsersGroup,
} from "@tabler/icons-react";
import type { MessageKey } from "~/locales";
import { NotificationsBell, type BellData } from "~/modules/notifications/components/NotificationsBell";
import { useLocale, useT } from "~/utils/i18n-react";
import { Logo } from "./Logo";

export type ShellUser = { name: string; email: string; institutionShortName: string | null; canAdminister: boolean; canOpenIdeas: boolean };

const NAV: { to: string; label: MessageKey; icon: typeof IconHome }[] = [
  { to: "/pulpit", label: "nav.dashboard", icon: IconHome },
  { to: "/przestrzenie", label: "nav.workspaces", icon: IconFolders },
  { to: "/zespoly", label: "nav.teams", icon: IconUsersGroup },
  { to: "/zadania", label: "nav.myTasks", icon: IconChecklist },
  { to: "/spotkania", label: "nav.meetings", icon: IconCalendarEvent },
  { to: "/pomysly/skrzynka", label: "nav.ideas", icon: IconBulb },
];

function initials(name: string) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase())
    .join("");
}

export function AppLayout({ user, children }: { user: ShellUser; children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const t = useT();
  const location = useLocation();
  // Only those who handle residents' ideas see the inbox; for everyone else it would be a 404.
  const visible = user.canOpenIdeas ? NAV : NAV.filter((item) => item.label !== "nav.ideas");
  const items = user.canAdminister ? [...visible, { to: "/administracja", label: "nav.admin" as const, icon: IconSettings }] : visible;
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 250, breakpoint: "sm", collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">
        {t("nav.skipToContent")}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t("nav.openMenu")} />
            <Link to="/pulpit" style={{ textDecoration: "none", color: "inherit" }} aria-label="Razem — pulpit">
              <Logo />
            </Link>
          </Group>
          <Form method="get" action="/szukaj" role="search" className="header-search">
            <TextInput
              visibleFrom="sm"
              w={360}
              name="q"
              type="search"
              leftSection={<IconSearch size={16} aria-hidden />}
              placeholder={t("header.search")}
              aria-label={t("header.search")}
            />
          </Form>
          <Group gap="xs" wrap="nowrap">
            <NotificationsButton />
            <UserMenu user={user} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t("nav.main")} component="nav">
        {items.map((item) => (
          <NavLink
            key={item.to}
            component={RemixNavLink}
            to={item.to}
            label={t(item.label)}
            leftSection={<item.icon size={18} aria-hidden />}
            active={location.pathname === item.to || location.pathname.startsWith(item.to + "/")}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}

/** The bell: fed by the _app loader's `notifications` (unread count + latest), see NotificationsBell. */
function NotificationsButton() {
  const data = useRouteLoaderData<{ notifications?: BellData }>("routes/_app");
  return <NotificationsBell data={data?.notifications ?? { unread: 0, latest: [] }} />;
}

function UserMenu({ user }: { user: ShellUser }) {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const other = locale === "pl" ? "en" : "pl";
  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={`${t("header.userMenu")}: ${user.name}`}>
          <Group gap={8} wrap="nowrap">
            <Avatar radius="xl" size={34} color="teal">
              {initials(user.name)}
            </Avatar>
            <div className="hide-on-phone">
              <Text size="sm" fw={600} lh={1.2}>
                {user.name}
              </Text>
              {user.institutionShortName ? (
                <Text size="xs" c="dimmed" lh={1.2}>
                  {user.institutionShortName}
                </Text>
              ) : null}
            </div>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <Menu.Item component={Link} to="/profil" leftSection={<IconUser size={16} aria-hidden />}>
          {t("menu.profile")}
        </Menu.Item>
        <Menu.Item component={Link} to="/profil/powiadomienia" leftSection={<IconBellCog size={16} aria-hidden />}>
          {t("reminders.title")}
        </Menu.Item>
        <Menu.Item component={Link} to="/profil/sesje" leftSection={<IconDeviceDesktop size={16} aria-hidden />}>
          {t("menu.sessions")}
        </Menu.Item>
        <Menu.Divider />
        <Form method="post" action="/jezyk">
          <input type="hidden" name="locale" value={other} />
          <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
          <Menu.Item component="button" type="submit" leftSection={<IconLanguage size={16} aria-hidden />} lang={other}>
            {t("menu.language")}: {t(`lang.${other}`)}
          </Menu.Item>
        </Form>
        <Menu.Item
          leftSection={colorScheme === "dark" ? <IconSun size={16} aria-hidden /> : <IconMoon size={16} aria-hidden />}
          onClick={() => setColorScheme(colorScheme === "dark" ? "light" : "dark")}
        >
          {t("menu.theme")}: {colorScheme === "dark" ? t("menu.themeLight") : t("menu.themeDark")}
        </Menu.Item>
        <Menu.Divider />
        <Form method="post" action="/wyloguj">
          <Menu.Item component="button" type="submit" color="red" leftSection={<IconLogout size={16} aria-hidden />}>
            {t("menu.signOut")}
          </Menu.Item>
        </Form>
      </Menu.Dropdown>
    </Menu>
  );
}
