import { Alert, Select, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { EmptyState } from "../../components/EmptyState.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { readApiError } from "../../lib/api-error.ts";
import { type RouterOutputs, trpc } from "../../lib/trpc.ts";
import { CompareRuns, RUN_COLORS } from "./CompareRuns.tsx";
import { type RunResultJson, toResultView } from "./from-run-result.ts";

type Run = RouterOutputs["backtests"]["list"][number];

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** What tells two runs of one strategy apart: version, market, range, costs and when it ran. */
export function runLabel(run: Run): string {
  const s = run.settings;
  const costs = `fee ${s.settings.fees.taker * 100}% · slippage ${
    s.settings.slippage.mode === "bps"
      ? `${s.settings.slippage.bps} bps`
      : `${s.settings.slippage.fraction}×ATR`
  }`;
  // `to` is exclusive (the day after the last one run).
  const range = `${day(s.from)} → ${day(s.to - 1)}`;
  const ran = String(run.createdAt).slice(11, 16);
  return `v${run.versionNumber} · ${s.symbols.join(", ")} ${s.timeframe} · ${range} · ${costs} · ran ${ran} UTC`;
}

/** Pick two finished runs of this strategy and see them side by side. */
export function CompareView({ strategyId, dark }: { strategyId: string; dark: boolean }) {
  const runs = useQuery({
    queryKey: ["runs", strategyId],
    queryFn: () => trpc.backtests.list.query({ strategyId, limit: 50 }),
  });
  return (
    <Stack p="xs" gap="xs" data-testid="compare-view">
      <QueryState query={runs} what="backtest runs">
        {(all) => <RunPicker runs={all.filter((r) => r.status === "succeeded")} dark={dark} />}
      </QueryState>
    </Stack>
  );
}

function RunPicker({ runs, dark }: { runs: Run[]; dark: boolean }) {
  // Newest first from the server: default to the previous run (A) against the latest (B).
  const [a, setA] = useState<string | null>(runs[1]?.id ?? null);
  const [b, setB] = useState<string | null>(runs[0]?.id ?? null);
  if (runs.length < 2)
    return (
      <EmptyState title="Nothing to compare yet">
        {runs.length === 0
          ? "Run a backtest, change a setting or the graph, and run again: the two runs show up here."
          : "One finished run so far. Change a setting or the graph and run another backtest to compare."}
      </EmptyState>
    );
  const options = runs.map((r) => ({ value: r.id, label: runLabel(r) }));
  const picker = (label: string, value: string | null, set: (v: string | null) => void, color: string) => (
    <Select
      size="xs"
      label={
        <Text span size="xs" c={color} fw={600}>
          {label}
        </Text>
      }
      data={options}
      value={value}
      onChange={set}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      data-testid={`compare-pick-${label === "Run A" ? "a" : "b"}`}
    />
  );
  const runA = runs.find((r) => r.id === a);
  const runB = runs.find((r) => r.id === b);
  return (
    <>
      {picker("Run A", a, setA, RUN_COLORS[0])}
      {picker("Run B", b, setB, RUN_COLORS[1])}
      {runA && runB && runA !== runB ? (
        <LoadedComparison a={runA} b={runB} dark={dark} />
      ) : (
        <Text size="sm" c="dimmed">
          Pick two different runs.
        </Text>
      )}
    </>
  );
}

function LoadedComparison({ a, b, dark }: { a: Run; b: Run; dark: boolean }) {
  const results = useQuery({
    queryKey: ["compare", a.id, b.id],
    queryFn: () => Promise.all([a, b].map((run) => trpc.backtests.result.query({ runId: run.id }))),
    staleTime: Number.POSITIVE_INFINITY,
  });
  // One view per loaded pair, so the chart is not rebuilt on every render.
  const views = useMemo(
    () =>
      results.data?.map((r, i) => {
        const run = i === 0 ? a : b;
        return toResultView({
          runId: run.id,
          label: runLabel(run),
          result: r.result as RunResultJson,
          candles: null,
        });
      }),
    [results.data, a, b],
  );
  if (results.error)
    return (
      <Alert color="red" title="Could not load the runs">
        {readApiError(results.error).message}
      </Alert>
    );
  if (!views)
    return (
      <Text size="sm" c="dimmed">
        Loading both runs…
      </Text>
    );
  return <CompareRuns runs={[views[0]!, views[1]!]} dark={dark} />;
}
