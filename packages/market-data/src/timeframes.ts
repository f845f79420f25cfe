import { STORE_TIMEFRAMES, type StoreTimeframe, TIMEFRAME_MS } from "@tradegraph/contracts";

/** Timeframes we store and resample between (one table, in contracts, shared with the web app). */
export { TIMEFRAME_MS };
export type Timeframe = StoreTimeframe;
export { STORE_TIMEFRAMES };

export function isTimeframe(value: string): value is Timeframe {
  return Object.hasOwn(TIMEFRAME_MS, value);
}

export function timeframeMs(timeframe: string): number {
  if (!isTimeframe(timeframe)) {
    throw new Error(`Unknown timeframe "${timeframe}": use one of ${STORE_TIMEFRAMES.join(", ")}`);
  }
  return TIMEFRAME_MS[timeframe];
}

/** Open time of the candle that contains `time` (epoch ms, UTC buckets since the epoch). */
export function bucketStart(time: number, intervalMs: number): number {
  return time - (((time % intervalMs) + intervalMs) % intervalMs);
}
