import type { ReactNode } from "react";
import { Card, Table } from "@mantine/core";

export type DataColumn = { label: string; /** Read by screen readers only (e.g. an actions column). */ hidden?: boolean };

/**
 * The bordered, horizontally scrollable table every list uses: a caption for screen readers,
 * column headers with scope, and the rows the caller renders.
 */
export function DataTable({ caption, columns, minWidth = 700, children }: { caption: string; columns: DataColumn[]; minWidth?: number; children: ReactNode }) {
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table verticalSpacing="sm" horizontalSpacing="md">
          <Table.Caption className="visually-hidden">{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c, i) => (
                <Table.Th key={i} scope="col">
                  {c.hidden ? <span className="visually-hidden">{c.label}</span> : c.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
