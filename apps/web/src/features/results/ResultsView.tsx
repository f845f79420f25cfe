import { Alert, Group, Loader, Progress, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { MetricCards } from "./MetricCards.tsx";
import { ResultsChart } from "./ResultsChart.tsx";
import type { BacktestResultView, TradeRow } from "./result-types.ts";
import { TradeTable } from "./TradeTable.tsx";

export type ResultsState =
  | { kind: "idle" }
  | { kind: "running"; fraction: number; note?: string }
  | { kind: "failed"; error: string }
  | { kind: "done"; result: BacktestResultView };

interface ResultsViewProps {
  state: ResultsState;
  dark: boolean;
  /** Step-through debugger: a click on a bar asks the canvas to show every node's value there. */
  onBarClick?(index: number): void;
  chartHeight?: number;
  /** Extra report drawn under the chart, e.g. the ML predictor panel (features/ml). */
  modelPanel?: ReactNode;
}

/** Backtest results beside the canvas: metrics, the synced price/equity/drawdown chart and the trade list. */
export function ResultsView({ state, dark, onBarClick, chartHeight, modelPanel }: ResultsViewProps) {
  const [selected, setSelected] = useState<number | null>(null);
  const [focus, setFocus] = useState<{ from: number; to: number; tradeIndex: number } | null>(null);
  if (state.kind === "idle")
    return (
      <Text size="sm" c="dimmed" p="md" data-testid="results-idle">
        No backtest yet. Press Backtest to run the strategy on real candles; results open here.
      </Text>
    );
  if (state.kind === "running")
    return (
      <Stack p="md" gap="xs" data-testid="results-running">
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">Backtest running… {Math.round(state.fraction * 100)}%</Text>
        </Group>
        <Progress value={state.fraction * 100} animated />
        {state.note ? (
          <Text size="xs" c="dimmed">
            {state.note}
          </Text>
        ) : null}
      </Stack>
    );
  if (state.kind === "failed")
    return (
      <Alert
        color="red"
        icon={<IconAlertTriangle />}
        title="Backtest failed"
        m="md"
        data-testid="results-failed"
      >
        {state.error}
      </Alert>
    );
  const { result } = state;
  const select = (index: number, trade: TradeRow) => {
    setSelected(index);
    setFocus({ from: trade.entryTime, to: trade.exitTime, tradeIndex: index });
  };
  return (
    <Stack gap="xs" p="xs" data-testid="results">
      <div>
        <Title order={5}>{result.label}</Title>
        <Text size="xs" c="dimmed">
          {result.assumptions.join(" · ")}
        </Text>
      </div>
      <MetricCards metrics={result.metrics} />
      {result.candles || result.equity ? (
        <ResultsChart
          result={result}
          dark={dark}
          focus={focus}
          {...(onBarClick ? { onBarClick } : {})}
          {...(chartHeight ? { height: chartHeight } : {})}
        />
      ) : (
        <Text size="sm" c="dimmed">
          This run has no equity curve or candles to draw.
        </Text>
      )}
      {!result.candles ? (
        <Text size="xs" c="dimmed" data-testid="no-candles">
          No stored candles for this run's range could be loaded; trades are marked on the equity curve.
        </Text>
      ) : null}
      {onBarClick ? (
        <Text size="xs" c="dimmed">
          Click a bar to see every node's value at that bar on the canvas.
        </Text>
      ) : null}
      {modelPanel}
      <TradeTable trades={result.trades} selected={selected} onSelect={select} />
    </Stack>
  );
}
