/**
 * Which protective level a bar reached first: stop, target, or both (ambiguous). Finer candles of the
 * same period, when given, order the path; the first finer candle reaching a level decides.
 */
import type { CandleColumns } from "@tradegraph/nodes";

export const NONE = 0;
export const STOP = 1;
export const TARGET = 2;
export const BOTH = 3;

/** Reused result holder (no object per bar): the price the exit fills at before slippage. */
export interface ExitPrice {
  price: number;
}

/** Outcome for one candle; writes the fill price (the open when a gap jumped the level). */
export function resolveExit(
  long: boolean,
  stop: number,
  target: number,
  open: number,
  high: number,
  low: number,
  touch: boolean,
  out: ExitPrice,
): number {
  const hasStop = !Number.isNaN(stop);
  const hasTarget = !Number.isNaN(target);
  if (hasStop && (long ? open <= stop : open >= stop)) {
    out.price = open;
    return STOP;
  }
  if (hasTarget && (long ? open >= target : open <= target)) {
    out.price = open;
    return TARGET;
  }
  const stopHit = hasStop && (long ? low <= stop : high >= stop);
  const targetHit =
    hasTarget &&
    (long ? high > target || (touch && high === target) : low < target || (touch && low === target));
  if (stopHit && targetHit) return BOTH;
  if (stopHit) out.price = stop;
  else if (targetHit) out.price = target;
  return stopHit ? STOP : targetHit ? TARGET : NONE;
}

/** Walks the finer candles with open time in [barTime, barTime + timeframeMs). BOTH if none decides. */
export function resolveWithFinerCandles(
  finer: CandleColumns | undefined,
  barTime: number,
  timeframeMs: number,
  long: boolean,
  stop: number,
  target: number,
  touch: boolean,
  out: ExitPrice,
): number {
  if (finer === undefined) return BOTH;
  const end = barTime + timeframeMs;
  let j = lowerBound(finer.time, barTime);
  for (; j < finer.time.length && finer.time[j]! < end; j++) {
    const outcome = resolveExit(
      long,
      stop,
      target,
      finer.open[j]!,
      finer.high[j]!,
      finer.low[j]!,
      touch,
      out,
    );
    if (outcome !== NONE) return outcome;
  }
  return BOTH;
}

function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
