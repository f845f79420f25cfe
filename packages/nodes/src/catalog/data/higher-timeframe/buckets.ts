/** Higher timeframes a strategy can view, aligned to UTC like the exchange. */
export const HIGHER_TIMEFRAMES = {
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
  "1w": 604_800_000,
} as const;
export type HigherTimeframe = keyof typeof HIGHER_TIMEFRAMES;

/** 1970-01-05 00:00 UTC, the first Monday after the epoch: weekly buckets start on Mondays. */
const FIRST_MONDAY_MS = 4 * 86_400_000;

/** Open time of the bucket of `periodMs` containing `time`. */
export function bucketOpenTime(time: number, periodMs: number): number {
  const origin = periodMs === HIGHER_TIMEFRAMES["1w"] ? FIRST_MONDAY_MS : 0;
  return Math.floor((time - origin) / periodMs) * periodMs + origin;
}
