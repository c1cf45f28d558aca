// The differences between two versions of a strategy draft (the result of diffDrafts), readable
// without colour: insertions are underlined on green and deletions struck through on red, and each
// carries a visually hidden "Dodano:" / "Usunięto:" so screen readers announce them.
import { Fragment, useId, useState } from "react";
import { Alert, Group, Paper, Stack, Switch, Text, VisuallyHidden } from "@mantine/core";
import type { Locale } from "~/locales";
import type { Translate } from "~/utils/i18n";
import { useLocale, useT } from "~/utils/i18n-react";
import type { DiffBlock, DiffSegment, DraftDiff } from "./diff";
import classes from "./DraftDiffView.module.css";

type Plural = "one" | "few" | "many";
const rules: Record<Locale, Intl.PluralRules> = { pl: new Intl.PluralRules("pl-PL"), en: new Intl.PluralRules("en-GB") };
function plural(locale: Locale, n: number): Plural {
  const rule = rules[locale].select(n);
  return rule === "one" || rule === "few" ? rule : "many";
}

/** "2 wstawienia, 5 usunięć" */
export function diffSummary(t: Translate, locale: Locale, diff: Pick<DraftDiff, "insertions" | "deletions">): string {
  return t("strategyExport.diff.summary", {
    added: t(`strategyExport.diff.insertions.${plural(locale, diff.insertions)}`, { count: diff.insertions }),
    removed: t(`strategyExport.diff.deletions.${plural(locale, diff.deletions)}`, { count: diff.deletions }),
  });
}

function Segment({ segment, t }: { segment: DiffSegment; t: Translate }) {
  if (segment.kind === "same") return <>{segment.text}</>;
  if (segment.kind === "added") {
    return (
      <ins className={classes.added}>
        <VisuallyHidden>{t("strategyExport.diff.added")} </VisuallyHidden>
        {segment.text}
      </ins>
    );
  }
  return (
    <del className={classes.removed}>
      <VisuallyHidden>{t("strategyExport.diff.removed")} </VisuallyHidden>
      {segment.text}
    </del>
  );
}

function blockClass(block: DiffBlock): string {
  const parts = [classes.block];
  if (block.type === "heading") parts.push(classes.heading, classes[`h${block.level}`]);
  if (block.type === "blockquote") parts.push(classes.quote);
  if (block.type === "tableRow") parts.push(classes.tableRow);
  if (block.status === "added") parts.push(classes.wholeAdded);
  if (block.status === "removed") parts.push(classes.wholeRemoved);
  return parts.filter(Boolean).join(" ");
}

function blockLabel(block: DiffBlock, t: Translate): string | null {
  switch (block.type) {
    case "heading":
      return t("strategyExport.diff.block.heading", { level: block.level });
    case "listItem":
      return t("strategyExport.diff.block.listItem");
    case "blockquote":
      return t("strategyExport.diff.block.blockquote");
    case "tableRow":
      return t("strategyExport.diff.block.tableRow");
    default:
      return null;
  }
}

function Block({ block, t }: { block: DiffBlock; t: Translate }) {
  const indent = block.type === "listItem" ? { paddingInlineStart: `${block.level * 1.25}rem` } : undefined;
  const hiddenLabel = blockLabel(block, t);
  // Rules and images have no text of their own: say what they are, visibly.
  const visibleLabel = block.type === "horizontalRule" ? t("strategyExport.diff.block.horizontalRule") : block.type === "image" ? t("strategyExport.diff.block.image") : null;
  return (
    <div className={blockClass(block)} style={indent}>
      {hiddenLabel && <VisuallyHidden>{hiddenLabel}: </VisuallyHidden>}
      {block.type === "listItem" && <span aria-hidden="true">• </span>}
      {visibleLabel && (
        <Text span c="dimmed" fz="sm">
          [{visibleLabel}]{" "}
        </Text>
      )}
      {block.segments.map((s, i) => (
        <Segment key={i} segment={s} t={t} />
      ))}
    </div>
  );
}

export type DraftDiffContentProps = { diff: DraftDiff; t: Translate; locale: Locale; onlyChanges?: boolean };

/** The summary, the legend and the blocks (no hooks on the router: renders anywhere). */
export function DraftDiffContent({ diff, t, locale, onlyChanges = false }: DraftDiffContentProps) {
  if (diff.insertions + diff.deletions === 0) {
    return (
      <Alert color="gray" variant="light" title={diffSummary(t, locale, diff)}>
        {t("strategyExport.diff.noChanges")}
      </Alert>
    );
  }
  const rows: React.ReactNode[] = [];
  let hidden = 0;
  diff.blocks.forEach((block, i) => {
    if (onlyChanges && block.status === "same") {
      hidden++;
      return;
    }
    if (hidden) {
      rows.push(
        <p key={`gap-${i}`} className={classes.gap}>
          {t("strategyExport.diff.unchangedHidden", { count: hidden })}
        </p>,
      );
      hidden = 0;
    }
    rows.push(
      <Fragment key={i}>
        <Block block={block} t={t} />
        {block.tooLong && block.status === "added" && (
          <Text fz="sm" c="dimmed" mb="xs">
            {t("strategyExport.diff.tooLong")}
          </Text>
        )}
      </Fragment>,
    );
  });
  if (hidden) rows.push(<p key="gap-end" className={classes.gap}>{t("strategyExport.diff.unchangedHidden", { count: hidden })}</p>);
  return (
    <Stack gap="sm">
      <Text fw={600} role="status">
        {diffSummary(t, locale, diff)}
      </Text>
      <Group gap="md" component="dl" aria-label={t("strategyExport.diff.legend")} m={0}>
        <Text component="dt" fw={600} fz="sm">
          {t("strategyExport.diff.legend")}:
        </Text>
        <Text component="dd" fz="sm" m={0}>
          <ins className={classes.added}>{t("strategyExport.diff.added").replace(/:$/, "")}</ins> — {t("strategyExport.diff.legendAdded")}
        </Text>
        <Text component="dd" fz="sm" m={0}>
          <del className={classes.removed}>{t("strategyExport.diff.removed").replace(/:$/, "")}</del> — {t("strategyExport.diff.legendRemoved")}
        </Text>
      </Group>
      <Paper withBorder p="md">
        {rows}
      </Paper>
    </Stack>
  );
}

/** The diff with a switch to hide unchanged paragraphs; the page supplies the heading. */
export function DraftDiffView({ diff }: { diff: DraftDiff }) {
  const t = useT();
  const locale = useLocale();
  const [onlyChanges, setOnlyChanges] = useState(false);
  const switchId = useId();
  const changed = diff.insertions + diff.deletions > 0;
  return (
    <Stack gap="sm">
      {changed && <Switch id={switchId} label={t("strategyExport.diff.onlyChanges")} checked={onlyChanges} onChange={(e) => setOnlyChanges(e.currentTarget.checked)} />}
      <DraftDiffContent diff={diff} t={t} locale={locale} onlyChanges={onlyChanges} />
    </Stack>
  );
}
