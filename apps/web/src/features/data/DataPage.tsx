import { Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { EmptyState } from "../../components/EmptyState.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { trpc } from "../../lib/trpc.ts";
import { BackfillForm } from "./BackfillForm.tsx";
import { CoverageTable } from "./CoverageTable.tsx";
import { ImportCandlesForm } from "./ImportCandlesForm.tsx";
import { RecentBackfills } from "./RecentBackfills.tsx";
import { useBackfill } from "./use-backfill.ts";

/** Stored candle series (coverage bars, gaps), a ccxt backfill with live progress, and a file import. */
export function DataPage() {
  const coverage = useQuery({ queryKey: ["data", "coverage"], queryFn: () => trpc.data.coverage.query() });
  const backfills = useQuery({
    queryKey: ["data", "backfills"],
    queryFn: () => trpc.data.backfills.query(),
    // Keep the list moving while any backfill (this tab's or another's) is still working.
    refetchInterval: (query) =>
      query.state.data?.some((b) => b.state === "queued" || b.state === "running") ? 2000 : false,
  });
  const refresh = () => {
    void coverage.refetch();
    void backfills.refetch();
  };
  const backfill = useBackfill(refresh);
  return (
    <Stack p="md" gap="md" data-testid="data-page">
      <Title order={3}>Market data</Title>
      <Text size="sm" c="dimmed">
        Real exchange candles stored on this server. Backtests only use what is listed here; red marks are
        hours (or minutes, days) the exchange has no candle for.
      </Text>
      <Paper withBorder p="sm">
        <Stack gap="sm">
          <Title order={5}>Backfill from an exchange</Title>
          <BackfillForm state={backfill.state} start={backfill.start} />
          <RecentBackfills backfills={backfills.data ?? []} onFollow={backfill.follow} />
        </Stack>
      </Paper>
      <Paper withBorder p="sm">
        <Stack gap="sm">
          <Title order={5}>Import a candle file</Title>
          <ImportCandlesForm onImported={() => void coverage.refetch()} />
        </Stack>
      </Paper>
      <QueryState
        query={coverage}
        what="candle series"
        empty={
          <EmptyState title="No candles stored yet" testId="data-empty">
            Backfill or import candles above; the server also loads the bundled Binance files on first start.
          </EmptyState>
        }
      >
        {(series) => <CoverageTable series={series} />}
      </QueryState>
    </Stack>
  );
}
