// The checklist: ticking, adding and removing items (assignee, helpers, lead). Each change posts
// with a fetcher; the loader's revalidation refreshes the list.
import { useEffect, useRef, useState } from "react";
import { ActionIcon, Alert, Button, Card, Checkbox, Group, Progress, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconPlus, IconX } from "@tabler/icons-react";
import { formatNumber } from "~/utils/dates";
import { useFieldError, useLocale, useT } from "~/utils/i18n-react";
import { CHECKLIST_ITEM_MAX } from "../tasks.schema";
import { settled, useTaskFetcher } from "./useTaskFetcher";

type Item = { id: string; text: string; done: boolean };

export function TaskChecklist({ items, canChange }: { items: Item[]; canChange: boolean }) {
  const t = useT();
  const locale = useLocale();
  const done = items.filter((i) => i.done).length;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="zadanie-lista">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="zadanie-lista">
            {t("tasks.checklist.title")}
          </Title>
          {items.length ? (
            <Text size="sm" c="dimmed" id="zadanie-lista-postep">
              {t("tasks.checklist.progress", { done: formatNumber(done, locale), total: formatNumber(items.length, locale) })}
            </Text>
          ) : null}
        </Group>
        {items.length ? <Progress value={(done / items.length) * 100} size="sm" aria-label={t("tasks.checklist.progress", { done: formatNumber(done, locale), total: formatNumber(items.length, locale) })} /> : null}
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t(canChange ? "tasks.checklist.empty" : "tasks.checklist.emptyReadOnly")}
          </Text>
        ) : (
          <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: "none" }}>
            {items.map((item) => (
              <ChecklistRow key={item.id} item={item} canChange={canChange} />
            ))}
          </Stack>
        )}
        {canChange ? <AddItemForm /> : null}
      </Stack>
    </Card>
  );
}

function ChecklistRow({ item, canChange }: { item: Item; canChange: boolean }) {
  const t = useT();
  const toggle = useTaskFetcher();
  const remove = useTaskFetcher();
  // Ticked at once; the server's answer (through the page's revalidation) has the last word.
  const [pending, setPending] = useState(item.done);
  useEffect(() => setPending(item.done), [item.done]);
  return (
    <Group component="li" gap="xs" wrap="nowrap" justify="space-between">
      <Checkbox
        label={<span style={{ textDecoration: pending ? "line-through" : undefined, overflowWrap: "anywhere" }}>{item.text}</span>}
        checked={pending}
        disabled={!canChange}
        onChange={(e) => {
          const done = e.currentTarget.checked;
          setPending(done);
          toggle.submit({ intent: "checklist.toggle", itemId: item.id, done: String(done) }, { method: "post" });
        }}
      />
      {canChange ? (
        <remove.Form method="post">
          <input type="hidden" name="intent" value="checklist.remove" />
          <input type="hidden" name="itemId" value={item.id} />
          <ActionIcon type="submit" variant="subtle" color="gray" aria-label={t("tasks.checklist.removeLabel", { text: item.text })} loading={remove.state !== "idle"}>
            <IconX size={16} aria-hidden />
          </ActionIcon>
        </remove.Form>
      ) : null}
    </Group>
  );
}

function AddItemForm() {
  const t = useT();
  const err = useFieldError();
  const input = useRef<HTMLInputElement>(null);
  const fetcher = useTaskFetcher(() => {
    if (input.current) input.current.value = "";
    input.current?.focus();
  });
  const result = settled(fetcher);
  const failed = result && !result.ok && result.intent === "checklist.add" ? result : undefined;
  return (
    <fetcher.Form method="post" noValidate>
      <input type="hidden" name="intent" value="checklist.add" />
      <Stack gap={4}>
        {failed?.error ? (
          <Alert color="red" variant="light" role="alert">
            {err(failed.error)}
          </Alert>
        ) : null}
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput ref={input} name="text" label={t("tasks.checklist.new")} maxLength={CHECKLIST_ITEM_MAX} required style={{ flex: 1 }} error={err(failed?.errors?.text)} />
          <Button type="submit" variant="light" leftSection={<IconPlus size={16} aria-hidden />} loading={fetcher.state !== "idle"}>
            {t("tasks.checklist.add")}
          </Button>
        </Group>
      </Stack>
    </fetcher.Form>
  );
}
