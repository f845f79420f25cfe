import { Group, Table, Text } from "@mantine/core";
import type { RouterOutputs } from "../../lib/trpc.ts";
import { CoverageBar } from "./CoverageBar.tsx";
import { completeness, formatDay } from "./coverage-bar.ts";

type Series = RouterOutputs["data"]["coverage"];

/** Every stored series: range, candles, gaps and a coverage bar. */
export function CoverageTable({ series }: { series: Series }) {
  return (
    <Table striped highlightOnHover data-testid="coverage-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Series</Table.Th>
          <Table.Th>From</Table.Th>
          <Table.Th>To</Table.Th>
          <Table.Th ta="right">Candles</Table.Th>
          <Table.Th ta="right">Gaps</Table.Th>
          <Table.Th>Coverage</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {series.map((s) => (
          <Table.Tr key={`${s.exchange}-${s.symbol}-${s.timeframe}`} data-testid="coverage-row">
            <Table.Td>
              <Text size="sm" fw={600}>
                {s.symbol} {s.timeframe}
              </Text>
              <Text size="xs" c="dimmed">
                {s.exchange}
              </Text>
            </Table.Td>
            <Table.Td>{formatDay(s.first)}</Table.Td>
            <Table.Td>{formatDay(s.last)}</Table.Td>
            <Table.Td ta="right">{s.rows.toLocaleString("en-US")}</Table.Td>
            <Table.Td ta="right">
              {s.gaps.length} ({s.missing.toLocaleString("en-US")} missing)
            </Table.Td>
            <Table.Td>
              {s.first !== null && s.last !== null ? (
                <Group gap="xs" wrap="nowrap">
                  <CoverageBar first={s.first} last={s.last} gaps={s.gaps} />
                  <Text size="xs" c="dimmed">
                    {(completeness(s.rows, s.missing) * 100).toFixed(2)}%
                  </Text>
                </Group>
              ) : (
                <Text size="xs" c="dimmed">
                  empty
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
