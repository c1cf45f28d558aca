import { Form, Link } from "@remix-run/react";
import { Button, Group, Select, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { PEOPLE_STATUSES, type PeopleStatus } from "~/modules/people/people.schema";
import { useT } from "~/utils/i18n-react";

type Props = {
  q: string;
  status: PeopleStatus;
  institution: string;
  /** Only for admins: coordinators always see their own institution. */
  institutions: { id: string; shortName: string; name: string }[] | null;
};

export function PeopleFilters({ q, status, institution, institutions }: Props) {
  const t = useT();
  const filtered = q !== "" || status !== "active" || (institution !== "" && institution !== "all");
  return (
    <Form method="get" role="search">
      <Group align="flex-end" gap="xs" wrap="wrap">
        <TextInput
          name="q"
          label={t("admin.people.searchLabel")}
          placeholder={t("admin.people.searchPlaceholder")}
          defaultValue={q}
          leftSection={<IconSearch size={16} aria-hidden />}
          w={{ base: "100%", sm: 280 }}
        />
        {institutions ? (
          <Select
            name="institution"
            label={t("admin.people.institutionFilter")}
            defaultValue={institution || "all"}
            allowDeselect={false}
            w={{ base: "100%", sm: 220 }}
            data={[
              { value: "all", label: t("admin.people.institutionAll") },
              { value: "none", label: t("admin.people.institutionNone") },
              ...institutions.map((i) => ({ value: i.id, label: `${i.shortName} — ${i.name}` })),
            ]}
          />
        ) : null}
        <Select
          name="status"
          label={t("admin.people.statusFilter")}
          defaultValue={status}
          allowDeselect={false}
          w={{ base: "100%", sm: 180 }}
          data={PEOPLE_STATUSES.map((s) => ({ value: s, label: t(`admin.people.status.${s}`) }))}
        />
        <Button type="submit" variant="light">
          {t("admin.list.filter")}
        </Button>
        {filtered ? (
          <Button component={Link} to="/administracja/osoby" variant="subtle">
            {t("admin.list.clear")}
          </Button>
        ) : null}
      </Group>
    </Form>
  );
}
