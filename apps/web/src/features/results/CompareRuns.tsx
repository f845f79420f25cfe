import { Group, Paper, SimpleGrid, Text } from "@mantine/core";
import { ColorType, createChart, LineSeries } from "lightweight-charts";
import { useEffect, useRef } from "react";
import { lineData } from "./chart-model.ts";
import { compareMetrics, percentReturn } from "./compare-model.ts";
import { NOT_KNOWN } from "./format.ts";
import type { BacktestResultView } from "./result-types.ts";

export const RUN_COLORS = ["#4dabf7", "#ffa94d"] as const;

/** Two runs side by side: a card per metric (A, B and B − A) and both equity curves as % return. */
export function CompareRuns({
  runs,
  dark,
}: {
  runs: [BacktestResultView, BacktestResultView];
  dark: boolean;
}) {
  const rows = compareMetrics(runs[0].metrics, runs[1].metrics);
  return (
    <div data-testid="compare-runs">
      <SimpleGrid cols={{ base: 2, lg: 3 }} spacing={6}>
        {rows.map((row) => (
          <Paper key={row.label} withBorder p={6} radius="sm" data-compare-metric={row.label}>
            <Text size="xs" c="dimmed" lh={1.2}>
              {row.label}
            </Text>
            <Group gap={6} wrap="nowrap" justify="space-between">
              <Text size="sm" fw={row.winner === "a" ? 700 : 500} c={RUN_COLORS[0]} data-side="a">
                {row.a}
              </Text>
              <Text size="sm" fw={row.winner === "b" ? 700 : 500} c={RUN_COLORS[1]} data-side="b">
                {row.b}
              </Text>
            </Group>
            <Text size="xs" c={row.difference === NOT_KNOWN ? "dimmed" : undefined} data-side="difference">
              B − A: {row.difference}
              {row.winner ? ` · ${row.winner === "a" ? "A" : "B"} better` : ""}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <EquityOverlay runs={runs} dark={dark} />
    </div>
  );
}

function EquityOverlay({ runs, dark }: { runs: BacktestResultView[]; dark: boolean }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const container = el.current;
    if (!container) return;
    const chart = createChart(container, {
      autoSize: true,
      layout: {
        background: { type: ColorType.Solid, color: dark ? "#1a1b1e" : "#fff" },
        textColor: dark ? "#c1c2c5" : "#333",
        fontSize: 11,
        attributionLogo: false,
      },
      grid: { vertLines: { visible: false }, horzLines: { color: dark ? "#2c2e33" : "#eee" } },
      timeScale: { timeVisible: true, secondsVisible: false, minBarSpacing: 0.05 },
    });
    const drawn: number[] = [];
    for (const [i, run] of runs.entries()) {
      const growth = run.equity ? percentReturn(run.equity.value) : [];
      if (!run.equity || growth.length === 0) {
        drawn.push(0);
        continue;
      }
      const series = chart.addSeries(LineSeries, {
        color: RUN_COLORS[i]!,
        lineWidth: 2,
        title: i === 0 ? "A" : "B",
        priceFormat: { type: "custom", formatter: (v: number) => `${v.toFixed(1)}%` },
        priceLineVisible: false,
      });
      series.setData(lineData(run.equity.time, growth));
      drawn.push(series.data().length);
    }
    // Points per curve as drawn, for browser tests.
    container.dataset["curvePoints"] = drawn.join(",");
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [runs, dark]);
  return (
    <>
      <Group gap="md" mt="sm">
        {runs.map((r, i) => (
          <Text key={r.runId} size="xs" c={RUN_COLORS[i]}>
            ● {i === 0 ? "A" : "B"}: {r.label}
          </Text>
        ))}
      </Group>
      <Text size="xs" c="dimmed">
        Equity as % return from each run's start.
      </Text>
      <div ref={el} style={{ height: 300 }} data-testid="compare-equity" />
    </>
  );
}
