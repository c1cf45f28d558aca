import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Anchor, Badge, Button, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconFilePencil, IconSearch } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import { AdminPage } from "~/modules/admin/components/AdminPage";
import { ListPagination } from "~/modules/admin/components/ListPagination";
import { requireUser } from "~/modules/auth/session.server";
import { FileIcon } from "~/modules/library/components/FileIcon";
import { Highlighted } from "~/modules/search/components/Highlighted";
import { TextExtractionStatus } from "~/modules/search/components/TextExtractionStatus";
import { searchQuerySchema } from "~/modules/search/search.schema";
import { searchableWorkspaces, searchDocuments } from "~/modules/search/search.server";
import type { SearchHit } from "~/modules/search/search-types";
import { formatDate } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.q ? `${data.q} — Szukaj — Razem` : "Szukaj — Razem" }];

/** Search by name and content in the workspaces the person can see (empty `q`: just the form). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = searchQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [workspaces, result] = await Promise.all([
    searchableWorkspaces(user),
    searchDocuments(user, { q: query.q, workspaceId: query.przestrzen, page: query.page }),
  ]);
  const workspaceId = query.przestrzen && workspaces.some((w) => w.id === query.przestrzen) ? query.przestrzen : null;
  return { q: result.q, searched: result.terms.length > 0, workspaceId, workspaces, hits: result.hits, page: result.page };
}

export default function SearchPage() {
  const { q, searched, workspaceId, workspaces, hits, page } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <AdminPage title={t("search.title")} intro={t("search.intro")}>
      <Form method="get" role="search" action="/szukaj">
        <Group align="flex-end" gap="xs" wrap="wrap">
          <TextInput
            key={q}
            name="q"
            type="search"
            label={t("search.label")}
            placeholder={t("search.placeholder")}
            defaultValue={q}
            maxLength={200}
            leftSection={<IconSearch size={16} aria-hidden />}
            style={{ flex: "1 1 280px" }}
            autoFocus={!q}
          />
          {workspaces.length > 1 ? (
            <NativeSelect
              key={workspaceId ?? ""}
              name="przestrzen"
              label={t("search.workspace")}
              defaultValue={workspaceId ?? ""}
              data={[{ value: "", label: t("search.workspaceAll") }, ...workspaces.map((w) => ({ value: w.id, label: w.name }))]}
              w={{ base: "100%", sm: 260 }}
            />
          ) : null}
          <Button type="submit">{t("search.submit")}</Button>
        </Group>
      </Form>
      {!searched ? (
        <Notice title={t("search.empty.prompt")} hint={t("search.empty.promptHint")} />
      ) : hits.length === 0 && page.total === 0 ? (
        <Notice title={t("search.empty.none", { q })} hint={t("search.empty.noneHint")} status />
      ) : (
        <Stack gap="sm" component="section" aria-labelledby="search-results-title">
          <Title order={2} fz="h4" id="search-results-title">
            {t("search.resultsFor", { q })}
          </Title>
          <Stack gap="sm" component="ol" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {hits.map((hit) => (
              <SearchResult key={hit.id} hit={hit} />
            ))}
          </Stack>
          <ListPagination page={page} />
        </Stack>
      )}
    </AdminPage>
  );
}

/** What to show instead of results: one line in bold, one hint. */
function Notice({ title, hint, status = false }: { title: string; hint: string; status?: boolean }) {
  return (
    <Card withBorder padding="xl">
      <Stack align="center" gap={4} ta="center" role={status ? "status" : undefined}>
        <Text fw={600}>{title}</Text>
        <Text c="dimmed" size="sm" maw={520}>
          {hint}
        </Text>
      </Stack>
    </Card>
  );
}

function SearchResult({ hit }: { hit: SearchHit }) {
  const t = useT();
  const locale = useLocale();
  const draft = hit.kind === "draft";
  const where = [hit.workspace.name, t(draft ? "search.result.strategies" : "search.result.library"), ...hit.folderPath].join(" / ");
  return (
    <Card withBorder padding="md" component="li">
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          {draft ? <IconFilePencil size={20} color="var(--mantine-color-teal-7)" aria-hidden stroke={1.6} style={{ flexShrink: 0 }} /> : <FileIcon mimeType={hit.mimeType} />}
          <Anchor component={Link} to={hit.url} fw={600} style={{ overflowWrap: "anywhere" }}>
            <Highlighted segments={hit.nameSegments} />
          </Anchor>
          {draft ? (
            <Badge variant="light" color="teal" size="sm" style={{ flexShrink: 0 }}>
              {t("search.result.draft")}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed">
          <span className="visually-hidden">{t("search.result.where")} </span>
          {where} · {t("search.result.updated", { date: formatDate(hit.updatedAt, locale) })}
        </Text>
        {hit.snippet ? (
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            <Highlighted segments={hit.snippet} />
          </Text>
        ) : null}
        {hit.textStatus !== "DONE" ? <TextExtractionStatus status={hit.textStatus} compact /> : null}
      </Stack>
    </Card>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
