// The small dialogs of the library: new folder, rename, move to…, move to trash. Each posts
// with a fetcher to the page's own action and closes itself when the action answers ok.
import { useEffect, useMemo, useRef } from "react";
import { useFetcher } from "@remix-run/react";
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useFieldError, useT } from "~/utils/i18n-react";
import { extensionOf } from "../file-types";
import { descendantIds, folderOptions, type FolderLike } from "../library-tree";

export type LibraryItem = { kind: "folder" | "document"; id: string; name: string; parentId: string | null };

type ActionData = { ok: boolean; error: string | null; errors: Record<string, string | undefined> | null };

/** A fetcher for one dialog, which calls `onDone` once after a successful answer. */
function useDialogFetcher(onDone: () => void) {
  const fetcher = useFetcher<ActionData>();
  const previous = useRef(fetcher.state);
  useEffect(() => {
    if (previous.current !== "idle" && fetcher.state === "idle" && fetcher.data?.ok) onDone();
    previous.current = fetcher.state;
  }, [fetcher.state, fetcher.data, onDone]);
  return fetcher;
}

/**
 * Opens a dialog from a menu item once the menu has given focus back to its trigger (Mantine
 * does that 10 ms after closing): the dialog then takes focus, and returns it to the trigger.
 */
export function afterMenuCloses(open: () => void) {
  window.setTimeout(open, 30);
}

/** The last item shown, so the dialog keeps its content while it fades out. */
function useShownItem(item: LibraryItem | null): LibraryItem | null {
  const shown = useRef(item);
  if (item) shown.current = item;
  return shown.current;
}

function FormProblem({ error }: { error: string | null | undefined }) {
  const translate = useFieldError();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {translate(error)}
    </Alert>
  );
}

function DialogButtons({ submit, busy, onCancel, color }: { submit: string; busy: boolean; onCancel: () => void; color?: string }) {
  const t = useT();
  return (
    <Group justify="flex-end">
      <Button type="button" variant="default" onClick={onCancel}>
        {t("library.dialog.cancel")}
      </Button>
      <Button type="submit" loading={busy} color={color}>
        {submit}
      </Button>
    </Group>
  );
}

// Forms live inside the Modal's children, which unmount on close: every opening gets a fresh
// fetcher, so an old error never shows up next time.

export function NewFolderDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={t("library.folder.createTitle")} centered closeButtonProps={{ "aria-label": t("form.close") }}>
      <NewFolderForm onClose={onClose} />
    </Modal>
  );
}

function NewFolderForm({ onClose }: { onClose: () => void }) {
  const t = useT();
  const translate = useFieldError();
  const fetcher = useDialogFetcher(onClose);
  const data = fetcher.state === "idle" ? fetcher.data : undefined;
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value="createFolder" />
      <Stack>
        <FormProblem error={data?.error} />
        <TextInput name="name" label={t("library.folder.name")} required maxLength={200} data-autofocus error={translate(data?.errors?.name)} autoComplete="off" />
        <DialogButtons submit={t("library.folder.create")} busy={fetcher.state !== "idle"} onCancel={onClose} />
      </Stack>
    </fetcher.Form>
  );
}

function ItemFields({ item, intent }: { item: LibraryItem; intent: string }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="kind" value={item.kind} />
      <input type="hidden" name="id" value={item.id} />
    </>
  );
}

export function RenameDialog({ item, onClose }: { item: LibraryItem | null; onClose: () => void }) {
  const t = useT();
  const shown = useShownItem(item);
  return (
    <Modal opened={!!item} onClose={onClose} title={shown ? t("library.rename.title", { name: shown.name }) : ""} centered closeButtonProps={{ "aria-label": t("form.close") }}>
      {shown ? <RenameForm item={shown} onClose={onClose} /> : null}
    </Modal>
  );
}

function RenameForm({ item, onClose }: { item: LibraryItem; onClose: () => void }) {
  const t = useT();
  const translate = useFieldError();
  const fetcher = useDialogFetcher(onClose);
  const data = fetcher.state === "idle" ? fetcher.data : undefined;
  const ext = item.kind === "document" ? extensionOf(item.name) : "";
  return (
    <fetcher.Form method="post">
      <ItemFields item={item} intent="rename" />
      <Stack>
        <FormProblem error={data?.error} />
        <TextInput
          name="name"
          label={t("library.rename.label")}
          description={ext ? t("library.rename.fileHint", { ext }) : undefined}
          defaultValue={item.name}
          required
          maxLength={200}
          data-autofocus
          autoComplete="off"
          error={translate(data?.errors?.name)}
        />
        <DialogButtons submit={t("library.rename.submit")} busy={fetcher.state !== "idle"} onCancel={onClose} />
      </Stack>
    </fetcher.Form>
  );
}

/** "Przenieś do…": a searchable list of folders (keyboard: type to filter, arrows, Enter). */
export function MoveDialog({ item, tree, onClose }: { item: LibraryItem | null; tree: FolderLike[]; onClose: () => void }) {
  const t = useT();
  const shown = useShownItem(item);
  return (
    <Modal opened={!!item} onClose={onClose} title={shown ? t("library.move.title", { name: shown.name }) : ""} centered closeButtonProps={{ "aria-label": t("form.close") }}>
      {shown ? <MoveForm item={shown} tree={tree} onClose={onClose} /> : null}
    </Modal>
  );
}

function MoveForm({ item, tree, onClose }: { item: LibraryItem; tree: FolderLike[]; onClose: () => void }) {
  const t = useT();
  const fetcher = useDialogFetcher(onClose);
  const data = fetcher.state === "idle" ? fetcher.data : undefined;
  const options = useMemo(() => {
    const excluded = item.kind === "folder" ? new Set([item.id, ...descendantIds(tree, item.id)]) : new Set<string>();
    // Where it is now is no target (nor, for a folder, itself and anything inside it).
    return [
      ...(item.parentId === null ? [] : [{ value: "root", label: t("library.rootOption") }]),
      ...folderOptions(tree)
        .filter((o) => !excluded.has(o.id) && o.id !== item.parentId)
        .map((o) => ({ value: o.id, label: o.label })),
    ];
  }, [item, tree, t]);
  return (
    <fetcher.Form method="post">
      <ItemFields item={item} intent="move" />
      <Stack>
        <FormProblem error={data?.error} />
        <Select
          name="targetFolderId"
          label={t("library.move.target")}
          description={t("library.move.targetHint")}
          data={options}
          searchable
          required
          allowDeselect={false}
          nothingFoundMessage={t("library.move.nothingFound")}
          data-autofocus
          comboboxProps={{ withinPortal: true }}
          maxDropdownHeight={280}
        />
        <DialogButtons submit={t("library.move.submit")} busy={fetcher.state !== "idle"} onCancel={onClose} />
      </Stack>
    </fetcher.Form>
  );
}

export function TrashDialog({ item, days, onClose }: { item: LibraryItem | null; days: number; onClose: () => void }) {
  const t = useT();
  const shown = useShownItem(item);
  return (
    <Modal opened={!!item} onClose={onClose} title={shown ? t("library.trash.confirmTitle", { name: shown.name }) : ""} centered closeButtonProps={{ "aria-label": t("form.close") }}>
      {shown ? <TrashForm item={shown} days={days} onClose={onClose} /> : null}
    </Modal>
  );
}

function TrashForm({ item, days, onClose }: { item: LibraryItem; days: number; onClose: () => void }) {
  const t = useT();
  const fetcher = useDialogFetcher(onClose);
  const data = fetcher.state === "idle" ? fetcher.data : undefined;
  return (
    <fetcher.Form method="post">
      <ItemFields item={item} intent="trash" />
      <Stack>
        <FormProblem error={data?.error} />
        <Text size="sm">{t(item.kind === "folder" ? "library.trash.confirmFolder" : "library.trash.confirmFile", { days })}</Text>
        <DialogButtons submit={t("library.trash.confirm")} busy={fetcher.state !== "idle"} onCancel={onClose} color="red" />
      </Stack>
    </fetcher.Form>
  );
}
