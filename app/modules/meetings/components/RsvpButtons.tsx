import { Form, useNavigation } from "@remix-run/react";
import { Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useT } from "~/utils/i18n-react";
import { RSVP_ANSWERS, type RsvpState } from "../invitations.schema";

/** The signed-in invitee's own answer: three buttons posting intent "rsvp" to the meeting page. */
export function RsvpButtons({ rsvp }: { rsvp: RsvpState }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  return (
    <Card withBorder component="section" aria-labelledby="my-rsvp-title">
      <Stack gap="sm">
        <Title order={4} id="my-rsvp-title">
          {t("meetingInvitations.my.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("meetingInvitations.my.current", { answer: t(`meetingInvitations.rsvp.${rsvp}`) })}
        </Text>
        <Form method="post">
          <input type="hidden" name="intent" value="rsvp" />
          <Group gap="sm" role="group" aria-labelledby="my-rsvp-title">
            {RSVP_ANSWERS.map((answer) => (
              <Button key={answer} type="submit" name="answer" value={answer} variant={rsvp === answer ? "filled" : "default"} aria-pressed={rsvp === answer} disabled={busy}>
                {t(`meetingInvitations.answer.${answer}`)}
              </Button>
            ))}
          </Group>
        </Form>
      </Stack>
    </Card>
  );
}
