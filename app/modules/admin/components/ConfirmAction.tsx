import { Form, useNavigation } from "@remix-run/react";
import { Button, Group, Modal, Stack, Text, type ButtonProps } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useT } from "~/utils/i18n-react";

type Props = {
  /** Text of the button that opens the dialog. */
  label: string;
  /** Accessible name when the visible label alone is ambiguous (e.g. "Usuń" in a table row). */
  ariaLabel?: string;
  title: string;
  text: string;
  confirmLabel: string;
  /** Hidden fields posted on confirmation (intent, id, …). */
  fields: Record<string, string>;
  color?: string;
  variant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
};

/** A destructive action behind a confirmation dialog; the post happens only from the dialog. */
export function ConfirmAction({ label, ariaLabel, title, text, confirmLabel, fields, color = "red", variant = "light", size = "xs" }: Props) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure(false);
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <Button type="button" color={color} variant={variant} size={size} onClick={open} aria-label={ariaLabel} aria-haspopup="dialog">
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered>
        <Form method="post" onSubmit={() => setTimeout(close, 0)}>
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <Stack>
            <Text size="sm">{text}</Text>
            <Group justify="flex-end">
              <Button type="button" variant="default" onClick={close}>
                {t("admin.confirm.cancel")}
              </Button>
              <Button type="submit" color={color} loading={busy} data-autofocus>
                {confirmLabel}
              </Button>
            </Group>
          </Stack>
        </Form>
      </Modal>
    </>
  );
}
