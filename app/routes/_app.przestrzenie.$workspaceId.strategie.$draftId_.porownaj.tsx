import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Anchor, Group, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import { requireUser } from "~/modules/auth/session.server";
import { loadDraftAccess } from "~/modules/strategy/access.server";
import { diffDrafts } from "~/modules/strategy/diff/diff";
import { DraftDiffView, diffSummary } from "~/modules/strategy/diff/DraftDiffView";
import type { PmNode } from "~/modules/strategy/export/prosemirror";
import { currentContent, getVersion } from "~/modules/strategy/versions.server";
import { useLocale, useT } from "~/utils/i18n-react";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `${d.draft.title} — Razem` : "Razem" }];

const CURRENT = "biezaca";

/** ?z=3&do=5 (or do=biezaca): the differences between two versions, or a version and the text now. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const workspaceId = params.workspaceId ?? "";
  const ctx = await loadDraftAccess(user, params.draftId ?? "", { workspaceId });
  const search = new URL(request.url).searchParams;
  const from = Number(search.get("z"));
  const toParam = search.get("do") ?? CURRENT;
  const older = await getVersion(ctx.draft.id, from);
  const newer = toParam === CURRENT ? null : await getVersion(ctx.draft.id, Number(toParam));
  const newerJson = newer ? newer.json : await currentContent(ctx.draft.id);
  return {
    workspaceId,
    draft: { id: ctx.draft.id, title: ctx.draft.title },
    from: older.number,
    to: newer ? newer.number : null,
    diff: diffDrafts(older.json as PmNode, newerJson as PmNode),
  };
}

export default function DraftComparePage() {
  const { workspaceId, draft, from, to, diff } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const base = `/przestrzenie/${workspaceId}/strategie/${draft.id}`;
  const label = (n: number | null) => (n === null ? t("strategyVersions.compare.current") : t("strategyVersions.compare.version", { number: n }));
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`${base}/historia`} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t("strategyVersions.view.history")}
        </Group>
      </Anchor>
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {draft.title}
        </Text>
        <Title order={2}>{t("strategyVersions.compare.title", { from: label(from), to: label(to) })}</Title>
        <Text size="sm" role="status">
          {diff.insertions + diff.deletions === 0 ? t("strategyVersions.compare.same") : diffSummary(t, locale, diff)}
        </Text>
      </Stack>
      <DraftDiffView diff={diff} />
    </Stack>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
