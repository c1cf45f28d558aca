import { Badge } from "@mantine/core";
import { IconCircleCheck, IconEye, IconPencil } from "@tabler/icons-react";
import type { DocumentStatus } from "~/generated/prisma/enums";
import { useT } from "~/utils/i18n-react";

const COLORS: Record<DocumentStatus, string> = { DRAFT: "gray", IN_REVIEW: "orange", APPROVED: "green" };
const ICONS: Record<DocumentStatus, typeof IconPencil> = { DRAFT: IconPencil, IN_REVIEW: IconEye, APPROVED: IconCircleCheck };

/** Szkic / Do przeglądu / Zatwierdzony — said in words and with an icon, never by colour alone. */
export function StatusBadge({ status }: { status: DocumentStatus }) {
  const t = useT();
  const Icon = ICONS[status];
  return (
    <Badge color={COLORS[status]} variant="light" size="sm" style={{ whiteSpace: "nowrap" }} leftSection={<Icon size={12} aria-hidden />}>
      {t(`library.status.${status}`)}
    </Badge>
  );
}
