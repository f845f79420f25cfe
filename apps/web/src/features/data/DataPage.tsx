import { Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { EmptyState } from "../../components/EmptyState.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { trpc } from "../../lib/trpc.ts";
import { CoverageBar } from "./CoverageBar.tsx";
import { completeness, formatDay } from "./coverage-bar.ts";
import { ImportCandlesForm } from "./ImportCandlesForm.tsx";

/** Stored candle series: range, rows, gaps (on a coverage bar), and a file import. */
export function DataPage() {
  const coverage = useQuery({ queryKey: ["data", "coverage"], queryFn: () => trpc.data.coverage.query() });
  return (
    <Stack p="md" gap="md" data-testid="data-page">
      <Title order={3}>Market data</Title>
      <Text size="sm" c="dimmed">
        Real exchange candles stored on this server. Backtests only use what is listed here; red marks are
        hours (or minutes, days) the exchange has no candle for.
      </Text>
      <Paper withBorder p="sm">
        <ImportCandlesForm onImported={() => void coverage.refetch()} />
      </Paper>
      <QueryState
        query={coverage}
        what="candle series"
        empty={
          <EmptyState title="No candles stored yet" testId="data-empty">
            Import a candle file above; the server also loads the bundled Binance files on first start.
          </EmptyState>
        }
      >
        {(series) => (
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
        )}
      </QueryState>
    </Stack>
  );
}
