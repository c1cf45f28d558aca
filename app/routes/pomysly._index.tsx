import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { Anchor, Text } from "@mantine/core";
import { AuthLayout } from "~/components/AuthLayout";
import { ErrorPage } from "~/components/ErrorPage";
import { useT } from "~/utils/i18n-react";

export const meta: MetaFunction = () => [{ title: "Pomysły dla regionu — Razem" }];

// Public (no sign-in). Placeholder until the residents' ideas form lands (issue 6).
export default function PublicIdeas() {
  const t = useT();
  return (
    <AuthLayout title={t("publicIdeas.title")}>
      <Text>{t("publicIdeas.soon")}</Text>
      <Anchor component={Link} to="/logowanie" size="sm">
        {t("publicIdeas.back")}
      </Anchor>
    </AuthLayout>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
