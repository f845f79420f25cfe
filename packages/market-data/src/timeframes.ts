/** Timeframes we store and resample between, with their length in ms. UTC-aligned like the exchange. */
export const TIMEFRAME_MS = {
  "1m": 60_000,
  "3m": 180_000,
  "5m": 300_000,
  "15m": 900_000,
  "30m": 1_800_000,
  "1h": 3_600_000,
  "2h": 7_200_000,
  "4h": 14_400_000,
  "6h": 21_600_000,
  "8h": 28_800_000,
  "12h": 43_200_000,
  "1d": 86_400_000,
} as const;

export type Timeframe = keyof typeof TIMEFRAME_MS;
export const TIMEFRAMES = Object.keys(TIMEFRAME_MS) as Timeframe[];

export function isTimeframe(value: string): value is Timeframe {
  return Object.hasOwn(TIMEFRAME_MS, value);
}

export function timeframeMs(timeframe: string): number {
  if (!isTimeframe(timeframe)) {
    throw new Error(`Unknown timeframe "${timeframe}": use one of ${TIMEFRAMES.join(", ")}`);
  }
  return TIMEFRAME_MS[timeframe];
}

/** Open time of the candle that contains `time` (epoch ms, UTC buckets since the epoch). */
export function bucketStart(time: number, intervalMs: number): number {
  return time - (((time % intervalMs) + intervalMs) % intervalMs);
}
