// GET /spotkania/:id/lista-obecnosci — the printable attendance list: everyone who sees the meeting
// (organisers, invitees, members of its workspace/team) may print it; anyone else gets 404.
// The trailing `_` in `$meetingId_` keeps it out of the meeting page's layout (that page has no Outlet).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Anchor, Button, Group, Stack, Text, Title } from "@mantine/core";
import { IconDownload, IconPrinter } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import { requireUser } from "~/modules/auth/session.server";
import { requireMeeting } from "~/modules/meetings/access.server";
import { BLANK_ROWS, loadAttendanceList } from "~/modules/meetings/attendance-pdf.server";
import classes from "~/modules/meetings/attendance-sheet.module.css";
import { createTranslator } from "~/utils/i18n";
import { useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.pageTitle} — ${data.list.title} — Razem` : "Razem" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = await requireMeeting(user, params.meetingId ?? "", "view", { ip: requestMeta(request, context).ip });
  const list = await loadAttendanceList(ctx.meeting.id, user.locale);
  return { list, blankRows: BLANK_ROWS, pageTitle: createTranslator(user.locale)("meetingAttendance.pageTitle") };
}

export default function AttendanceListPage() {
  const { list, blankRows } = useLoaderData<typeof loader>();
  const t = useT();
  const present = list.rows.filter((r) => r.present).length;
  return (
    <Stack gap="md" className={classes.sheet}>
      <Group justify="space-between" className={classes.noPrint} role="group" aria-label={t("meetingAttendance.actions")}>
        <Anchor component={Link} to={`/spotkania/${list.id}`} size="sm">
          {t("meetingAttendance.back")}
        </Anchor>
        <Group gap="xs">
          <Button type="button" leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
            {t("meetingAttendance.print")}
          </Button>
          <Button component="a" href={`/spotkania/${list.id}/lista-obecnosci.pdf`} variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
            {t("meetingAttendance.pdf")}
          </Button>
        </Group>
      </Group>
      <Stack gap={4}>
        <Title order={1} fz="h2">
          {t("meetingAttendance.heading")}
        </Title>
        <Title order={2} fz="h3">
          {list.title}
        </Title>
      </Stack>
      <dl style={{ margin: 0, display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: "1rem", rowGap: 2 }}>
        <Detail label={t("meetingAttendance.kind")}>{list.kindLabel}</Detail>
        <Detail label={t("meetingAttendance.when")}>{list.when}</Detail>
        {list.place ? <Detail label={t("meetingAttendance.place")}>{list.place}</Detail> : null}
        {list.onlineUrl ? <Detail label={t("meetingAttendance.online")}>{list.onlineUrl}</Detail> : null}
        <Detail label={t("meetingAttendance.organizer")}>{list.organizer}</Detail>
      </dl>
      {list.cancelled ? (
        <Text fw={700} role="status">
          {t("meetingAttendance.cancelled")}
        </Text>
      ) : null}
      {list.rows.length === 0 ? (
        <Text c="dimmed" className={classes.noPrint}>
          {t("meetingAttendance.empty")}
        </Text>
      ) : (
        <Text size="sm" className={classes.noPrint}>
          {t("meetingAttendance.summary", { present, total: list.rows.length })}
        </Text>
      )}
      <table className={classes.table}>
        <caption className="visually-hidden">{t("meetingAttendance.tableCaption", { count: list.rows.length })}</caption>
        <thead>
          <tr>
            <th scope="col" className={classes.number}>
              {t("meetingAttendance.col.number")}
            </th>
            <th scope="col" className={classes.name}>
              {t("meetingAttendance.col.name")}
            </th>
            <th scope="col" className={classes.organisation}>
              {t("meetingAttendance.col.organisation")}
            </th>
            <th scope="col" className={classes.present}>
              {t("meetingAttendance.col.present")}
            </th>
            <th scope="col" className={classes.signature}>
              {t("meetingAttendance.col.signature")}
            </th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map((row, i) => (
            <tr key={i}>
              <td className={classes.number}>{i + 1}.</td>
              <td>{row.name}</td>
              <td>{row.organisation ?? ""}</td>
              <td className={classes.present}>
                <span aria-hidden>{row.present ? t("meetingAttendance.present") : t("meetingAttendance.absent")}</span>
                <span className="visually-hidden">{row.present ? t("meetingAttendance.presentLabel") : t("meetingAttendance.absentLabel")}</span>
              </td>
              <td className={classes.signature} />
            </tr>
          ))}
          {Array.from({ length: blankRows }, (_, i) => (
            <tr key={`blank-${i}`}>
              <td className={classes.number}>{list.rows.length + i + 1}.</td>
              <td />
              <td />
              <td className={classes.present} />
              <td className={classes.signature} />
            </tr>
          ))}
        </tbody>
      </table>
    </Stack>
  );
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <Text component="dt" fw={700} size="sm">
        {label}
      </Text>
      <Text component="dd" m={0} size="sm">
        {children}
      </Text>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
