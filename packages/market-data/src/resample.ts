import { type CandleColumns, emptyColumns, sliceColumns } from "./candle-columns.ts";
import { decimalSum } from "./decimal-sum.ts";
import { bucketStart, timeframeMs } from "./timeframes.ts";

export interface ResampleOptions {
  /**
   * Drop the first/last bucket when the source does not reach its start/end: we cannot know the
   * candles before or after the series. Inner buckets with missing candles are kept, because the
   * exchange builds them the same way during an outage. Default true.
   */
  trimPartialEdges?: boolean;
}

export interface Resampled {
  candles: CandleColumns;
  /** How many source candles went into each bucket. */
  sourceCounts: Int32Array;
}

/**
 * Builds `to` candles from `from` candles exactly like the exchange: UTC-aligned buckets, open of the
 * first, highest high, lowest low, close of the last, volume summed in decimal.
 */
export function resample(
  source: CandleColumns,
  from: string,
  to: string,
  options: ResampleOptions = {},
): Resampled {
  const fromMs = timeframeMs(from);
  const toMs = timeframeMs(to);
  if (toMs <= fromMs || toMs % fromMs !== 0) {
    throw new Error(`Cannot resample ${from} to ${to}: the target must be a whole multiple of the source`);
  }
  const n = source.time.length;
  const out = emptyColumns(n);
  const counts = new Int32Array(n);
  let buckets = 0;
  let i = 0;
  while (i < n) {
    const start = bucketStart(source.time[i]!, toMs);
    let end = i;
    while (end < n && source.time[end]! < start + toMs) end++;
    const [first, last] = tradedRange(source.volume, i, end);
    const traded = source.volume[first]! > 0;
    let high = -Infinity;
    let low = Infinity;
    for (let k = first; k <= last; k++) {
      if (traded && source.volume[k]! === 0) continue;
      if (source.high[k]! > high) high = source.high[k]!;
      if (source.low[k]! < low) low = source.low[k]!;
    }
    out.time[buckets] = start;
    out.open[buckets] = source.open[first]!;
    out.high[buckets] = high;
    out.low[buckets] = low;
    out.close[buckets] = source.close[last]!;
    out.volume[buckets] = decimalSum(source.volume, i, end);
    counts[buckets] = end - i;
    buckets++;
    i = end;
  }
  let first = 0;
  let last = buckets;
  if (options.trimPartialEdges ?? true) {
    if (buckets > 0 && source.time[0]! !== out.time[0]!) first = 1;
    if (buckets > first && source.time[n - 1]! !== out.time[buckets - 1]! + toMs - fromMs) last = buckets - 1;
  }
  return { candles: sliceColumns(out, first, last), sourceCounts: counts.slice(first, last) };
}

/**
 * First and last candle of [start, end) that had trades. A zero-volume candle is the exchange's
 * no-trade placeholder (e.g. the halt of 2023-03-24 12:00): the exchange builds higher timeframes from
 * trades, so placeholders do not set open, close, high or low unless the whole bucket had no trades.
 */
function tradedRange(volume: Float64Array, start: number, end: number): [number, number] {
  let first = start;
  while (first < end && volume[first]! === 0) first++;
  if (first === end) return [start, end - 1];
  let last = end - 1;
  while (volume[last]! === 0) last--;
  return [first, last];
}
