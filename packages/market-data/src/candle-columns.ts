import type { Candle, CandleColumns } from "@tradegraph/nodes";

export type { Candle, CandleColumns };

export function emptyColumns(length: number): CandleColumns {
  return {
    time: new Float64Array(length),
    open: new Float64Array(length),
    high: new Float64Array(length),
    low: new Float64Array(length),
    close: new Float64Array(length),
    volume: new Float64Array(length),
  };
}

export function columnsFromCandles(candles: readonly Candle[]): CandleColumns {
  const out = emptyColumns(candles.length);
  candles.forEach((c, i) => {
    out.time[i] = c.time;
    out.open[i] = c.open;
    out.high[i] = c.high;
    out.low[i] = c.low;
    out.close[i] = c.close;
    out.volume[i] = c.volume;
  });
  return out;
}

export function candleAt(columns: CandleColumns, i: number): Candle {
  return {
    time: columns.time[i]!,
    open: columns.open[i]!,
    high: columns.high[i]!,
    low: columns.low[i]!,
    close: columns.close[i]!,
    volume: columns.volume[i]!,
  };
}

export function candlesFromColumns(columns: CandleColumns): Candle[] {
  const out: Candle[] = [];
  for (let i = 0; i < columns.time.length; i++) out.push(candleAt(columns, i));
  return out;
}

/** Copy of rows [start, end) as new arrays (so callers can keep it while the source is reused). */
export { sliceCandleColumns as sliceColumns } from "@tradegraph/nodes";

/** Index of the first row with time >= `time` (binary search; columns are sorted). */
export function lowerBound(times: Float64Array, time: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
