import { money, NOT_KNOWN, pct, ratio, signedPct } from "./format.ts";
import type { RunMetrics } from "./result-types.ts";

/** Which way a metric is better; "neither" for counts where more is not better or worse by itself. */
type Better = "higher" | "lower" | "neither";

interface MetricSpec {
  label: string;
  value(m: RunMetrics): number | null | undefined;
  format(v: number | null | undefined): string;
  /** Difference B − A in the metric's own unit (percentage points for rates). */
  formatDifference(d: number): string;
  better: Better;
}

const points = (d: number) => `${d > 0 ? "+" : ""}${(d * 100).toFixed(2)} pp`;
const signed = (digits: number) => (d: number) => `${d > 0 ? "+" : ""}${d.toFixed(digits)}`;
const count = (v: number | null | undefined) => (typeof v === "number" ? String(v) : NOT_KNOWN);

const SPECS: MetricSpec[] = [
  {
    label: "Return",
    value: (m) => m.totalReturn,
    format: signedPct,
    formatDifference: points,
    better: "higher",
  },
  {
    label: "vs buy & hold",
    value: (m) => m.totalReturn - m.buyAndHoldReturn,
    format: signedPct,
    formatDifference: points,
    better: "higher",
  },
  {
    label: "Max drawdown",
    value: (m) => m.maxDrawdown,
    format: pct,
    formatDifference: points,
    better: "lower",
  },
  { label: "Sharpe", value: (m) => m.sharpe, format: ratio, formatDifference: signed(2), better: "higher" },
  { label: "Sortino", value: (m) => m.sortino, format: ratio, formatDifference: signed(2), better: "higher" },
  { label: "Win rate", value: (m) => m.winRate, format: pct, formatDifference: points, better: "higher" },
  {
    label: "Profit factor",
    value: (m) => m.profitFactor,
    format: ratio,
    formatDifference: signed(2),
    better: "higher",
  },
  { label: "Trades", value: (m) => m.trades, format: count, formatDifference: signed(0), better: "neither" },
  {
    // The unit is in the label so two values fit side by side in one card.
    label: "Fees paid (USDT)",
    value: (m) => m.feesPaid,
    format: (v) => money(v, "").trim(),
    formatDifference: (d) => `${d > 0 ? "+" : ""}${money(d, "").trim()}`,
    better: "lower",
  },
];

export interface MetricComparison {
  label: string;
  a: string;
  b: string;
  /** B − A, or "not known yet" when either side is not known. */
  difference: string;
  /** Which run did better on this metric; null when equal, not comparable or not known. */
  winner: "a" | "b" | null;
}

const known = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

/** Every headline metric of two runs side by side with the difference B − A and which run did better. */
export function compareMetrics(a: RunMetrics | null, b: RunMetrics | null): MetricComparison[] {
  return SPECS.map((spec) => {
    const va = a ? spec.value(a) : null;
    const vb = b ? spec.value(b) : null;
    const comparable = known(va) && known(vb);
    const d = comparable ? vb - va : Number.NaN;
    let winner: MetricComparison["winner"] = null;
    if (comparable && d !== 0 && spec.better !== "neither")
      winner = d > 0 === (spec.better === "higher") ? "b" : "a";
    return {
      label: spec.label,
      a: spec.format(va),
      b: spec.format(vb),
      difference: comparable ? spec.formatDifference(d) : NOT_KNOWN,
      winner,
    };
  });
}

/** Equity as % return from its first point, so runs with different starting cash share one axis. */
export function percentReturn(equity: ArrayLike<number>): number[] {
  const start = equity[0];
  if (start === undefined || !(start > 0)) return [];
  return Array.from(equity, (v) => (v / start - 1) * 100);
}
