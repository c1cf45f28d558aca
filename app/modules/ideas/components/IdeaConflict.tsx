import { useRevalidator } from "@remix-run/react";
import { Alert, Button, Stack, Text } from "@mantine/core";
import { IconRefresh } from "@tabler/icons-react";
import { useFieldError, useT } from "~/utils/i18n-react";
import type { IdeaActionData } from "../idea-page.server";

/** A refused change of the idea: "changed by someone else — reload" (409), or the form's general error. */
export function IdeaFormAlert({ failed }: { failed: IdeaActionData | undefined }) {
  const t = useT();
  const err = useFieldError();
  const revalidator = useRevalidator();
  if (!failed) return null;
  if (failed.conflict) {
    return (
      <Alert color="orange" variant="light" role="alert">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t("ideasInbox.conflict")}</Text>
          <Button size="xs" variant="light" color="orange" leftSection={<IconRefresh size={14} aria-hidden />} onClick={() => revalidator.revalidate()} loading={revalidator.state !== "idle"}>
            {t("ideasInbox.conflictReload")}
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (failed.error) {
    return (
      <Alert color="red" variant="light" role="alert">
        {err(failed.error)}
      </Alert>
    );
  }
  return null;
}
