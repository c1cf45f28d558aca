import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Anchor, Grid, Group, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import { IdeaAssignForm } from "~/modules/ideas/components/IdeaAssignForm";
import { IdeaStatusBadge } from "~/modules/ideas/components/IdeaBadges";
import { IdeaComments } from "~/modules/ideas/components/IdeaComments";
import { IdeaContact } from "~/modules/ideas/components/IdeaContact";
import { IdeaDetails } from "~/modules/ideas/components/IdeaDetails";
import { IdeaLinks } from "~/modules/ideas/components/IdeaLinks";
import { IdeaMergeForm } from "~/modules/ideas/components/IdeaMergeForm";
import { IdeaStatusForm } from "~/modules/ideas/components/IdeaStatusForm";
import { IdeaTagsForm } from "~/modules/ideas/components/IdeaTagsForm";
import { IdeaTaskForm } from "~/modules/ideas/components/IdeaTaskForm";
import { ScorePanel } from "~/modules/ideas/components/ScorePanel";
import { ideaPageAction, loadIdeaPage } from "~/modules/ideas/idea-page.server";
import { ideaUrls } from "~/modules/ideas/inbox.schema";
import { useT } from "~/utils/i18n-react";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.idea.reference} ${data.idea.title} — Pomysły — Razem` : "Razem" }];

/** The idea (404 for anybody who does not handle it); every part says what this person may do. */
export async function loader(args: LoaderFunctionArgs) {
  return loadIdeaPage(args);
}

/** One action, one `intent` per form; each intent checks its own rule (see idea-page.server.ts). */
export async function action(args: ActionFunctionArgs) {
  return ideaPageAction(args);
}

export default function IdeaPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const { idea, can } = data;
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Anchor component={Link} to={ideaUrls.inbox()} size="sm">
          <Group gap={4} component="span">
            <IconArrowLeft size={14} aria-hidden />
            {t("ideasInbox.backToInbox")}
          </Group>
        </Anchor>
        <Group gap="sm" align="center" wrap="wrap">
          <Title order={1} style={{ overflowWrap: "anywhere" }}>
            <Text span inherit ff="monospace" c="dimmed">
              {idea.reference}
            </Text>{" "}
            {idea.title}
          </Title>
          <IdeaStatusBadge status={idea.status} acceptedFor={idea.acceptedFor} />
        </Group>
      </Stack>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <IdeaDetails idea={idea} />
            <ScorePanel scores={data.scores} canScore={can.score} />
            <IdeaComments comments={data.comments} canComment={can.comment} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <IdeaStatusForm
              key={`${idea.status}-${idea.version}`}
              status={idea.status}
              acceptedFor={idea.acceptedFor}
              publicReason={idea.publicReason}
              version={idea.version}
              canChange={can.changeStatus}
            />
            <IdeaAssignForm key={`assign-${idea.version}`} assignee={idea.assignee} people={data.people} version={idea.version} canAssign={can.assign} />
            <IdeaTagsForm key={`tags-${idea.version}`} tags={idea.tags} suggestions={data.tagSuggestions} version={idea.version} canTag={can.tag} />
            {data.contact ? <IdeaContact contact={data.contact} reference={idea.reference} canErase={can.eraseContact} /> : null}
            {can.createTask ? <IdeaTaskForm ideaTitle={idea.title} teams={data.teams} /> : null}
            <IdeaLinks links={data.links} candidates={data.linkCandidates} canLink={can.link} />
            {can.merge && !idea.duplicateOf ? <IdeaMergeForm key={`merge-${idea.version}`} reference={idea.reference} candidates={data.mergeCandidates} version={idea.version} /> : null}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
