// The idea's tags: typed freely (Enter or a comma adds one), suggestions from the tags in use.
import { useState } from "react";
import { Badge, Button, Card, Group, Stack, TagsInput, Text, Title } from "@mantine/core";
import { useFieldError, useT } from "~/utils/i18n-react";
import { TAG_MAX, TAGS_MAX } from "../idea-page.schema";
import { IdeaFormAlert } from "./IdeaConflict";
import { settled, useIdeaFetcher } from "./IdeaFetcher";

export function IdeaTagsForm({ tags, suggestions, version, canTag }: { tags: string[]; suggestions: string[]; version: number; canTag: boolean }) {
  const t = useT();
  const err = useFieldError();
  const [value, setValue] = useState(tags);
  const fetcher = useIdeaFetcher();
  const result = settled(fetcher);
  const failed = result && !result.ok && result.intent === "tags" ? result : undefined;
  const changed = value.join("\n") !== tags.join("\n");
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="pomysl-tagi">
      <Stack gap="sm">
        <Title order={2} size="h4" id="pomysl-tagi">
          {t("ideasInbox.tags.title")}
        </Title>
        {!canTag ? (
          tags.length ? (
            <Group gap={4}>
              {tags.map((tag) => (
                <Badge key={tag} variant="outline" color="gray" radius="sm" style={{ textTransform: "none" }}>
                  {tag}
                </Badge>
              ))}
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t("ideasInbox.tags.none")}
            </Text>
          )
        ) : (
          <fetcher.Form method="post" noValidate>
            <input type="hidden" name="intent" value="tags" />
            <input type="hidden" name="version" value={version} />
            <input type="hidden" name="tags" value={value.join(",")} />
            <Stack gap="xs">
              <IdeaFormAlert failed={failed} />
              <TagsInput
                label={t("ideasInbox.tags.label")}
                description={t("ideasInbox.tags.hint", { max: TAGS_MAX })}
                data={suggestions}
                value={value}
                onChange={setValue}
                maxTags={TAGS_MAX}
                maxLength={TAG_MAX}
                clearable
                splitChars={[","]}
                error={err(failed?.errors?.tags)}
              />
              <Button type="submit" variant="light" loading={fetcher.state !== "idle"} disabled={!changed}>
                {t("ideasInbox.tags.save")}
              </Button>
            </Stack>
          </fetcher.Form>
        )}
      </Stack>
    </Card>
  );
}
