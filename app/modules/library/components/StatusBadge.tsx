import { Badge } from "@mantine/core";
import type { DocumentStatus } from "~/generated/prisma/enums";
import { useT } from "~/utils/i18n-react";

const COLORS: Record<DocumentStatus, string> = { DRAFT: "gray", IN_REVIEW: "orange", APPROVED: "green" };

/** Szkic / Do przeglądu / Zatwierdzony — display only for now (the review workflow comes later). */
export function StatusBadge({ status }: { status: DocumentStatus }) {
  const t = useT();
  return (
    <Badge color={COLORS[status]} variant="light" size="sm" style={{ whiteSpace: "nowrap" }}>
      {t(`library.status.${status}`)}
    </Badge>
  );
}
