import { type CandleColumns, emptyColumns } from "./candle-columns.ts";

export interface CandleGap {
  /** Open time of the last candle before the gap. */
  after: number;
  /** Open time of the first candle after it. */
  resumesAt: number;
  /** Candles absent between them. */
  missing: number;
}

/** Places where the next candle is more than one interval later (exchange outages are real). */
export function findGaps(times: Float64Array, intervalMs: number): CandleGap[] {
  const gaps: CandleGap[] = [];
  for (let i = 1; i < times.length; i++) {
    const step = times[i]! - times[i - 1]!;
    if (step > intervalMs)
      gaps.push({ after: times[i - 1]!, resumesAt: times[i]!, missing: step / intervalMs - 1 });
  }
  return gaps;
}

export type GapPolicy = "skip" | "forward-fill";

export interface FilledCandles {
  candles: CandleColumns;
  /** 1 where a candle was filled in (flat at the previous close, zero volume), never hidden. */
  filled: Uint8Array;
}

/**
 * How a backtest treats gaps: `skip` keeps the real candles only; `forward-fill` inserts flat,
 * zero-volume candles at the previous close and marks each one in `filled`.
 */
export function applyGapPolicy(columns: CandleColumns, intervalMs: number, policy: GapPolicy): FilledCandles {
  const n = columns.time.length;
  if (policy === "skip" || n === 0) return { candles: columns, filled: new Uint8Array(n) };
  const total = (columns.time[n - 1]! - columns.time[0]!) / intervalMs + 1;
  const out = emptyColumns(total);
  const filled = new Uint8Array(total);
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      const previousClose = columns.close[i - 1]!;
      for (let t = columns.time[i - 1]! + intervalMs; t < columns.time[i]!; t += intervalMs, k++) {
        out.time[k] = t;
        out.open[k] = out.high[k] = out.low[k] = out.close[k] = previousClose;
        out.volume[k] = 0;
        filled[k] = 1;
      }
    }
    out.time[k] = columns.time[i]!;
    out.open[k] = columns.open[i]!;
    out.high[k] = columns.high[i]!;
    out.low[k] = columns.low[i]!;
    out.close[k] = columns.close[i]!;
    out.volume[k] = columns.volume[i]!;
    k++;
  }
  return { candles: out, filled };
}
