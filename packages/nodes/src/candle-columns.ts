import type { CandleColumns } from "./runtime-types.ts";

/** Rows [start, end) as new arrays, so the caller can keep them while the source is reused or grows. */
export function sliceCandleColumns(columns: CandleColumns, start: number, end: number): CandleColumns {
  return {
    time: columns.time.slice(start, end),
    open: columns.open.slice(start, end),
    high: columns.high.slice(start, end),
    low: columns.low.slice(start, end),
    close: columns.close.slice(start, end),
    volume: columns.volume.slice(start, end),
  };
}

/** Index of the first candle whose open time is >= `time` (binary search; times ascend). */
export function firstCandleAtOrAfter(times: Float64Array, time: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (times[middle]! < time) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Copies of the candles whose open time lies in [from, to). */
export function candlesInTimeRange(columns: CandleColumns, from: number, to: number): CandleColumns {
  const start = firstCandleAtOrAfter(columns.time, from);
  const end = Math.max(start, firstCandleAtOrAfter(columns.time, to));
  return sliceCandleColumns(columns, start, end);
}
