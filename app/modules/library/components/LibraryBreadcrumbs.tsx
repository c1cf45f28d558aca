import { Link } from "@remix-run/react";
import { Anchor, Breadcrumbs, Text } from "@mantine/core";
import { useT } from "~/utils/i18n-react";
import { libraryUrls } from "../library-urls";
import { dropTargetStyle, type DragMove } from "./useDragMove";

type Props = {
  workspaceId: string;
  path: { id: string; name: string }[];
  /** The last crumb when it is not a folder (a file's name, "Kosz"). */
  current?: string;
  /** Folder views: the crumbs above the current folder take dragged rows (move there). */
  drag?: DragMove;
};

/** Biblioteka › Folder › Podfolder — the last crumb is the current page (not a link). */
export function LibraryBreadcrumbs({ workspaceId, path, current, drag }: Props) {
  const t = useT();
  const crumbs = [{ id: null as string | null, name: t("library.root") }, ...path];
  const lastIsPage = current === undefined;
  // At the library's root the page title says it all.
  if (path.length === 0 && lastIsPage) return null;
  return (
    <nav aria-label={t("library.breadcrumbs")}>
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: "wrap", rowGap: 4 }}>
        {crumbs.map((c, i) => {
          const isCurrent = lastIsPage && i === crumbs.length - 1;
          return isCurrent ? (
            <Text key={c.id ?? "root"} size="sm" fw={600} aria-current="page">
              {c.name}
            </Text>
          ) : (
            <Anchor
              key={c.id ?? "root"}
              component={Link}
              to={libraryUrls.folder(workspaceId, c.id)}
              size="sm"
              {...drag?.targetProps(c)}
              style={drag?.isOver(c) ? { ...dropTargetStyle, borderRadius: 4, padding: "2px 4px", margin: "-2px -4px" } : undefined}
            >
              {c.name}
            </Anchor>
          );
        })}
        {current !== undefined ? (
          <Text size="sm" fw={600} aria-current="page">
            {current}
          </Text>
        ) : null}
      </Breadcrumbs>
    </nav>
  );
}
