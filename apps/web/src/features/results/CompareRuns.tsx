import { Group, Table, Text } from "@mantine/core";
import { ColorType, createChart, LineSeries } from "lightweight-charts";
import { useEffect, useRef } from "react";
import { lineData } from "./chart-model.ts";
import { metricCards } from "./MetricCards.tsx";
import type { BacktestResultView } from "./result-types.ts";

const COLORS = ["#4dabf7", "#ffa94d"];

/** Two runs side by side: every metric in two columns and both equity curves as % of starting equity. */
export function CompareRuns({
  runs,
  dark,
}: {
  runs: [BacktestResultView, BacktestResultView];
  dark: boolean;
}) {
  const cards = runs.map((r) => metricCards(r.metrics));
  return (
    <div data-testid="compare-runs">
      <Table fz="xs" verticalSpacing={3}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Metric</Table.Th>
            {runs.map((r, i) => (
              <Table.Th key={r.runId} c={COLORS[i]}>
                {r.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cards[0]!.map((card, row) => (
            <Table.Tr key={card.label}>
              <Table.Td>{card.label}</Table.Td>
              <Table.Td>{card.value}</Table.Td>
              <Table.Td>{cards[1]![row]!.value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <EquityOverlay runs={runs} dark={dark} />
    </div>
  );
}

function EquityOverlay({ runs, dark }: { runs: BacktestResultView[]; dark: boolean }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = createChart(el.current, {
      autoSize: true,
      layout: {
        background: { type: ColorType.Solid, color: dark ? "#1a1b1e" : "#fff" },
        textColor: dark ? "#c1c2c5" : "#333",
        attributionLogo: false,
      },
      grid: { vertLines: { visible: false }, horzLines: { color: dark ? "#2c2e33" : "#eee" } },
      timeScale: { timeVisible: true },
    });
    runs.forEach((run, i) => {
      if (!run.equity || run.equity.value.length === 0) return;
      const start = run.equity.value[0]!;
      const growth = Array.from(run.equity.value, (v) => (v / start - 1) * 100);
      const series = chart.addSeries(LineSeries, {
        color: COLORS[i]!,
        lineWidth: 2,
        title: run.label,
        priceFormat: { type: "percent" },
      });
      series.setData(lineData(run.equity.time, growth));
    });
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [runs, dark]);
  return (
    <>
      <Group gap="md" mt="xs">
        {runs.map((r, i) => (
          <Text key={r.runId} size="xs" c={COLORS[i]}>
            ● {r.label}: equity growth %
          </Text>
        ))}
      </Group>
      <div ref={el} style={{ height: 260 }} />
    </>
  );
}
