// "Eksportuj": download the draft (or one version) as DOCX, PDF or Markdown, or save that file into
// the workspace library. Downloads are plain links (the browser saves them); saving posts to the
// same URL and lands on the new library file.
import { Button, Menu } from "@mantine/core";
import { useNavigation, useSubmit } from "@remix-run/react";
import { IconBooks, IconChevronDown, IconDownload, IconFileExport } from "@tabler/icons-react";
import { useT } from "~/utils/i18n-react";

const FORMATS = ["docx", "pdf", "md"] as const;

export function draftExportUrl(workspaceId: string, draftId: string, format: (typeof FORMATS)[number], version?: number | null) {
  const base = `/przestrzenie/${encodeURIComponent(workspaceId)}/strategie/${encodeURIComponent(draftId)}/eksport/${format}`;
  return version ? `${base}?wersja=${version}` : base;
}

export function DraftExportMenu({ workspaceId, draftId, version, canSave }: { workspaceId: string; draftId: string; version?: number | null; canSave: boolean }) {
  const t = useT();
  const submit = useSubmit();
  const navigation = useNavigation();
  const saving = navigation.state !== "idle" && navigation.formAction?.includes("/eksport/") === true;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="sm" leftSection={<IconFileExport size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />} loading={saving} aria-label={t("strategyExport.menu.label")}>
          {t("strategyExport.menu.button")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("strategyExport.menu.download")}</Menu.Label>
        {FORMATS.map((f) => (
          <Menu.Item key={f} component="a" href={draftExportUrl(workspaceId, draftId, f, version)} download leftSection={<IconDownload size={16} aria-hidden />}>
            {t("strategyExport.menu.downloadAs", { format: t(`strategyExport.format.${f}`) })}
          </Menu.Item>
        ))}
        {canSave ? (
          <>
            <Menu.Divider />
            <Menu.Label>{t("strategyExport.menu.save")}</Menu.Label>
            {FORMATS.map((f) => (
              <Menu.Item
                key={f}
                leftSection={<IconBooks size={16} aria-hidden />}
                onClick={() => submit(version ? { wersja: String(version) } : {}, { method: "post", action: draftExportUrl(workspaceId, draftId, f) })}
              >
                {t("strategyExport.menu.saveAs", { format: t(`strategyExport.format.${f}`) })}
              </Menu.Item>
            ))}
          </>
        ) : null}
      </Menu.Dropdown>
    </Menu>
  );
}
