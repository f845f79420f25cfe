import { Paper, SimpleGrid, Text, Tooltip } from "@mantine/core";
import { amount, NOT_KNOWN, pct, ratio, signedPct } from "./format.ts";
import type { RunMetrics } from "./result-types.ts";

interface Card {
  label: string;
  value: string;
  hint: string;
  tone?: "good" | "bad";
}

export function metricCards(m: RunMetrics | null): Card[] {
  const tone = (v: number | null | undefined, goodAbove = 0): Card["tone"] =>
    v === null || v === undefined || !Number.isFinite(v) ? undefined : v > goodAbove ? "good" : "bad";
  return [
    {
      label: "Return",
      value: signedPct(m?.totalReturn),
      hint: `Net of fees and slippage. Buy and hold over the same bars: ${signedPct(m?.buyAndHoldReturn)}`,
      tone: tone(m?.totalReturn),
    },
    {
      label: "vs buy & hold",
      value: m ? signedPct(m.totalReturn - m.buyAndHoldReturn) : NOT_KNOWN,
      hint: `Buy and hold: ${signedPct(m?.buyAndHoldReturn)}`,
      tone: m ? tone(m.totalReturn - m.buyAndHoldReturn) : undefined,
    },
    {
      label: "Max drawdown",
      value: pct(m?.maxDrawdown),
      hint: "Largest fall of equity below its running peak",
    },
    {
      label: "Sharpe",
      value: ratio(m?.sharpe),
      hint: "Annualised, from daily returns; not known with too few days",
    },
    { label: "Sortino", value: ratio(m?.sortino), hint: "Like Sharpe, counting only downside volatility" },
    { label: "Win rate", value: pct(m?.winRate, 1), hint: "Share of closed trades with a positive net P&L" },
    {
      label: "Profit factor",
      value: ratio(m?.profitFactor),
      hint: "Gross profit / gross loss; not known without a losing trade",
      tone: tone(m?.profitFactor, 1),
    },
    { label: "Trades", value: m ? String(m.trades) : NOT_KNOWN, hint: "Closed round trips" },
    {
      // The unit sits in the label so a four-digit fee total fits its card on one line.
      label: "Fees paid (USDT)",
      value: amount(m?.feesPaid),
      hint: "Every fill pays the configured fee rate",
    },
  ];
}

export function MetricCards({ metrics }: { metrics: RunMetrics | null }) {
  return (
    <SimpleGrid cols={{ base: 3, lg: 5 }} spacing={6} data-testid="metric-cards">
      {metricCards(metrics).map((c) => (
        <Tooltip key={c.label} label={c.hint} multiline w={240} openDelay={300}>
          <Paper withBorder p={6} radius="sm">
            <Text size="xs" c="dimmed" lh={1.2}>
              {c.label}
            </Text>
            <Text
              fw={600}
              size={c.value === NOT_KNOWN ? "xs" : c.value.length > 10 ? "sm" : "md"}
              c={
                c.value === NOT_KNOWN
                  ? "dimmed"
                  : c.tone === "good"
                    ? "teal"
                    : c.tone === "bad"
                      ? "red"
                      : undefined
              }
              data-metric={c.label}
            >
              {c.value}
            </Text>
          </Paper>
        </Tooltip>
      ))}
    </SimpleGrid>
  );
}
