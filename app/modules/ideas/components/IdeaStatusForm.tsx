// Moving the idea along Nowy → W analizie → Przyjęty (do strategii / do projektu) | Odrzucony (with
// a reason residents will read), or reopening it. Only the allowed next steps are offered.
import { useState } from "react";
import { Button, Card, Radio, Select, Stack, Text, Textarea, Title } from "@mantine/core";
import { useFieldError, useT } from "~/utils/i18n-react";
import { PUBLIC_REASON_MAX } from "../idea-page.schema";
import { ACCEPTED_FOR, IDEA_TRANSITIONS, type IdeaStatusValue } from "../inbox.schema";
import { IdeaStatusBadge, acceptedForKey, ideaStatusKey } from "./IdeaBadges";
import { IdeaFormAlert } from "./IdeaConflict";
import { settled, useIdeaFetcher } from "./IdeaFetcher";

type Props = { status: IdeaStatusValue; acceptedFor: string | null; publicReason: string | null; version: number; canChange: boolean };

export function IdeaStatusForm({ status, acceptedFor, publicReason, version, canChange }: Props) {
  const t = useT();
  const err = useFieldError();
  const options = IDEA_TRANSITIONS[status];
  // A decided idea is reopened only on purpose: nothing is preselected then.
  const decided = status === "ACCEPTED" || status === "REJECTED";
  const [value, setValue] = useState<string | null>(decided ? null : (options[0] ?? null));
  const fetcher = useIdeaFetcher();
  const result = settled(fetcher);
  const failed = result && !result.ok && result.intent === "status" ? result : undefined;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="pomysl-status">
      <Stack gap="sm">
        <Title order={2} size="h4" id="pomysl-status">
          {t("ideasInbox.status.title")}
        </Title>
        <div>
          <IdeaStatusBadge status={status} acceptedFor={acceptedFor} />
        </div>
        {!canChange ? (
          <Text size="sm" c="dimmed">
            {t("ideasInbox.status.who")}
          </Text>
        ) : (
          <fetcher.Form method="post" noValidate>
            <input type="hidden" name="intent" value="status" />
            <input type="hidden" name="version" value={version} />
            <Stack gap="sm">
              <IdeaFormAlert failed={failed} />
              <Select
                name="status"
                label={t("ideasInbox.status.next")}
                data={options.map((s) => ({ value: s, label: s === "IN_ANALYSIS" && status !== "NEW" ? t("ideasInbox.status.reopen") : t(ideaStatusKey(s)) }))}
                value={value}
                onChange={setValue}
                allowDeselect={false}
                placeholder={t("ideasInbox.status.choose")}
                error={err(failed?.errors?.status)}
              />
              {value === "ACCEPTED" ? (
                <Radio.Group name="acceptedFor" label={t("ideasInbox.status.acceptedFor")} required defaultValue={acceptedFor ?? undefined} error={err(failed?.errors?.acceptedFor)}>
                  <Stack gap={6} mt={6}>
                    {ACCEPTED_FOR.map((v) => (
                      <Radio key={v} value={v} label={t(acceptedForKey(v))} />
                    ))}
                  </Stack>
                </Radio.Group>
              ) : null}
              {value === "REJECTED" ? (
                <Textarea
                  name="publicReason"
                  label={t("ideasInbox.status.publicReason")}
                  description={t("ideasInbox.status.publicReasonHint")}
                  required
                  autosize
                  minRows={3}
                  maxRows={8}
                  maxLength={PUBLIC_REASON_MAX}
                  defaultValue={publicReason ?? ""}
                  error={err(failed?.errors?.publicReason)}
                />
              ) : null}
              {value === "IN_ANALYSIS" && status !== "NEW" ? (
                <Text size="xs" c="dimmed">
                  {t("ideasInbox.status.reopenHint")}
                </Text>
              ) : null}
              <Button type="submit" variant="light" loading={fetcher.state !== "idle"} disabled={!value}>
                {t("ideasInbox.status.submit")}
              </Button>
            </Stack>
          </fetcher.Form>
        )}
      </Stack>
    </Card>
  );
}
