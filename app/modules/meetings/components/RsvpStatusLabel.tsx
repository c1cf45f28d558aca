import { Group, Text } from "@mantine/core";
import { IconCircleCheck, IconCircleX, IconHelpCircle, IconClockHour4 } from "@tabler/icons-react";
import type { RsvpState } from "../invitations.schema";
import { useT } from "~/utils/i18n-react";

const ICONS = { YES: IconCircleCheck, NO: IconCircleX, MAYBE: IconHelpCircle, PENDING: IconClockHour4 } as const;
const COLORS = { YES: "teal.8", NO: "red.8", MAYBE: "orange.9", PENDING: "dimmed" } as const;

/** An answer as text with an icon (never colour alone). */
export function RsvpStatusLabel({ rsvp }: { rsvp: RsvpState }) {
  const t = useT();
  const Icon = ICONS[rsvp];
  return (
    <Group gap={4} wrap="nowrap">
      <Text component="span" c={COLORS[rsvp]} lh={0} aria-hidden>
        <Icon size={16} />
      </Text>
      <Text component="span" size="sm">
        {t(`meetingInvitations.rsvp.${rsvp}`)}
      </Text>
    </Group>
  );
}
