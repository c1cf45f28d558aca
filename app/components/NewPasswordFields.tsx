import { PasswordInput } from "@mantine/core";
import { useFieldError, useT } from "~/utils/i18n-react";

/** "New password" + "repeat" pair used wherever a password is set. */
export function NewPasswordFields({ errors }: { errors: Record<string, string | undefined> }) {
  const t = useT();
  const err = useFieldError();
  return (
    <>
      <PasswordInput name="password" label={t("password.new")} description={t("password.hint")} autoComplete="new-password" required error={err(errors.password)} />
      <PasswordInput name="passwordRepeat" label={t("password.repeat")} autoComplete="new-password" required error={err(errors.passwordRepeat)} />
    </>
  );
}
