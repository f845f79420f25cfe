/** Candle preparation: timeframe detection, gap filling, date windows and the portfolio's shared clock. */
import { type CandleColumns, sliceCandleColumns } from "@tradegraph/nodes";

/** The smallest step between consecutive candles (gaps only make steps longer). */
export function detectTimeframe(columns: CandleColumns): number {
  const time = columns.time;
  let step = Number.POSITIVE_INFINITY;
  let previous = time[0]!;
  for (let i = 1; i < time.length; i++) {
    const current = time[i]!;
    const d = current - previous;
    if (d > 0 && d < step) step = d;
    previous = current;
  }
  return Number.isFinite(step) ? step : 60_000;
}

/**
 * Inserts a flat candle (open = high = low = close = previous close, volume 0) for every missing
 * interval, so bar-counting indicators keep wall-clock meaning across exchange outages.
 */
export function forwardFillGaps(columns: CandleColumns, timeframeMs: number): CandleColumns {
  const n = columns.time.length;
  if (n === 0) return columns;
  const total = Math.round((columns.time[n - 1]! - columns.time[0]!) / timeframeMs) + 1;
  if (total === n) return columns;
  const out = emptyColumns(total);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const time = columns.time[i]!;
    if (i > 0) {
      const previousClose = columns.close[i - 1]!;
      for (let t = columns.time[i - 1]! + timeframeMs; t < time; t += timeframeMs) {
        out.time[j] = t;
        out.open[j] = out.high[j] = out.low[j] = out.close[j] = previousClose;
        out.volume[j] = 0;
        j++;
      }
    }
    out.time[j] = time;
    out.open[j] = columns.open[i]!;
    out.high[j] = columns.high[i]!;
    out.low[j] = columns.low[i]!;
    out.close[j] = columns.close[i]!;
    out.volume[j] = columns.volume[i]!;
    j++;
  }
  return j === total ? out : sliceCandleColumns(out, 0, j);
}

/** Candles with open time in [from, to). */
export { candlesInTimeRange as windowColumns, sliceCandleColumns as sliceColumns } from "@tradegraph/nodes";

export function emptyColumns(n: number): CandleColumns {
  return {
    time: new Float64Array(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
  };
}

/** Sorted union of every symbol's candle times: the portfolio's clock. */
export function unionTimeline(all: readonly CandleColumns[]): Float64Array {
  if (all.length === 1) return all[0]!.time;
  const pointers = new Int32Array(all.length);
  const merged: number[] = [];
  for (;;) {
    let next = Number.POSITIVE_INFINITY;
    for (let s = 0; s < all.length; s++) {
      const p = pointers[s]!;
      const times = all[s]!.time;
      if (p < times.length && times[p]! < next) next = times[p]!;
    }
    if (next === Number.POSITIVE_INFINITY) break;
    merged.push(next);
    for (let s = 0; s < all.length; s++) {
      const times = all[s]!.time;
      if (pointers[s]! < times.length && times[pointers[s]!] === next) pointers[s] = pointers[s]! + 1;
    }
  }
  return Float64Array.from(merged);
}

/** Rejects candles a backtest cannot trust: unsorted times, NaN/Infinity, high below low. */
export function validateColumns(symbol: string, columns: CandleColumns): void {
  const n = columns.time.length;
  for (const field of ["open", "high", "low", "close", "volume"] as const) {
    if (columns[field].length !== n)
      throw new Error(`${symbol}: ${field} has ${columns[field].length} values, time has ${n}`);
  }
  // Columns read once into locals: this pass runs over every candle of every backtest.
  const { time, open, high, low, close, volume } = columns;
  let previous = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const t = time[i]!;
    const o = open[i]!;
    const h = high[i]!;
    const l = low[i]!;
    const c = close[i]!;
    // NaN or ±Infinity anywhere makes the sum non-finite; a time must also be after the previous one.
    if (t > previous && Number.isFinite(t + o + h + l + c + volume[i]!) && h >= l && h >= o && h >= c) {
      if (l <= o && l <= c) {
        previous = t;
        continue;
      }
    }
    candleProblem(symbol, columns, i);
  }
}

/** The specific complaint about candle `i` (the fast pass above only detects that there is one). */
function candleProblem(symbol: string, columns: CandleColumns, i: number): never {
  const t = columns.time[i]!;
  if (!Number.isFinite(t)) throw new Error(`${symbol}: candle ${i} has no valid time`);
  if (i > 0 && t <= columns.time[i - 1]!) {
    throw new Error(`${symbol}: candle ${i} (${new Date(t).toISOString()}) is not after the previous one`);
  }
  const o = columns.open[i]!;
  const h = columns.high[i]!;
  const l = columns.low[i]!;
  const c = columns.close[i]!;
  if (!Number.isFinite(o + h + l + c + columns.volume[i]!)) {
    throw new Error(`${symbol}: candle ${i} (${new Date(t).toISOString()}) has a NaN or infinite value`);
  }
  throw new Error(`${symbol}: candle ${i} (${new Date(t).toISOString()}) has high/low outside open/close`);
}
