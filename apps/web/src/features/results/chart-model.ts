import type { SeriesMarker, UTCTimestamp } from "lightweight-charts";
import type { CandleSeries, TradeRow } from "./result-types.ts";

export const toChartTime = (ms: number) => Math.floor(ms / 1000) as UTCTimestamp;

/** Index of the bar whose open time is `ms` (or the last bar before it); -1 before the first bar. */
export function barIndexAt(time: ArrayLike<number>, ms: number): number {
  let lo = 0;
  let hi = time.length - 1;
  if (hi < 0 || ms < time[0]!) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (time[mid]! <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const LONG = "#26a69a";
const SHORT = "#ef5350";

/** Entry and exit arrows on the bars where fills happened; exit text says why and the result. */
export function tradeMarkers(trades: readonly TradeRow[]): SeriesMarker<UTCTimestamp>[] {
  const markers: SeriesMarker<UTCTimestamp>[] = [];
  trades.forEach((t, i) => {
    const long = t.side === "long";
    markers.push({
      id: `entry-${i}`,
      time: toChartTime(t.entryTime),
      position: long ? "belowBar" : "aboveBar",
      shape: long ? "arrowUp" : "arrowDown",
      color: long ? LONG : SHORT,
      text: long ? "Buy" : "Short",
    });
    markers.push({
      id: `exit-${i}`,
      time: toChartTime(t.exitTime),
      position: long ? "aboveBar" : "belowBar",
      shape: long ? "arrowDown" : "arrowUp",
      color: t.pnl >= 0 ? "#4dabf7" : "#ff922b",
      text: `${t.exitReason === "signal" ? "Exit" : t.exitReason} ${t.returnPct >= 0 ? "+" : ""}${(t.returnPct * 100).toFixed(1)}%`,
    });
  });
  // The chart needs markers in time order.
  return markers.sort((a, b) => a.time - b.time);
}

const SELECTED = "#fcc419";

/**
 * The markers to draw: labels only when `labels` (zoomed in), and the selected trade's pair always
 * labelled, larger and in one colour, so the trade clicked in the table stands out on the chart.
 */
export function visibleMarkers(
  markers: readonly SeriesMarker<UTCTimestamp>[],
  labels: boolean,
  selected: number | null,
): SeriesMarker<UTCTimestamp>[] {
  const ids = selected === null ? null : [`entry-${selected}`, `exit-${selected}`];
  return markers.map((m) => {
    if (ids?.includes(m.id ?? "")) return { ...m, color: SELECTED, size: 2 };
    if (labels) return m;
    const { text: _text, ...unlabelled } = m;
    return unlabelled;
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? Number.NaN;
}

/**
 * Whether an indicator belongs on the price chart (moving averages, bands, stops) or in its own pane
 * (RSI, MACD, volume-like): overlaid when its typical value sits within the price range of the run.
 */
export function placeIndicator(values: ArrayLike<number>, candles: CandleSeries): "price" | "pane" {
  const sample: number[] = [];
  const step = Math.max(1, Math.floor(values.length / 500));
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i += step) {
    const v = values[i]!;
    if (Number.isFinite(v)) sample.push(v);
  }
  for (let i = 0; i < candles.low.length; i++) {
    low = Math.min(low, candles.low[i]!);
    high = Math.max(high, candles.high[i]!);
  }
  if (sample.length === 0) return "pane";
  const m = median(sample);
  const span = high - low;
  return m >= low - span * 0.5 && m <= high + span * 0.5 ? "price" : "pane";
}

/** Drawdown below the running peak at each point, as a negative fraction for plotting under zero. */
export function drawdownOf(equity: ArrayLike<number>): number[] {
  const out: number[] = [];
  let peak = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < equity.length; i++) {
    const v = equity[i]!;
    if (v > peak) peak = v;
    out.push(peak > 0 ? v / peak - 1 : 0);
  }
  return out;
}

/** Line data for the chart; NaN (warm-up) bars become gaps. */
export function lineData(time: ArrayLike<number>, values: ArrayLike<number>) {
  const out: ({ time: UTCTimestamp; value: number } | { time: UTCTimestamp })[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    out.push(
      Number.isFinite(v) ? { time: toChartTime(time[i]!), value: v } : { time: toChartTime(time[i]!) },
    );
  }
  return out;
}
