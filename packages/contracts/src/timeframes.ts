/** Every candle length the store keeps and resamples between, in ms; UTC-aligned like the exchange. */
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
export type StoreTimeframe = keyof typeof TIMEFRAME_MS;
/** Timeframes candles can be imported or backfilled at. */
export const STORE_TIMEFRAMES = Object.keys(TIMEFRAME_MS) as StoreTimeframe[];

/** Timeframes strategies are backtested and deployed on (bundled candles exist for each). */
export const TIMEFRAMES = ["1m", "5m", "15m", "1h", "4h", "1d"] as const;
export type RunTimeframe = (typeof TIMEFRAMES)[number];

/** The store timeframe `ms` long, or null when none is. */
export function storeTimeframeOf(ms: number): StoreTimeframe | null {
  return STORE_TIMEFRAMES.find((tf) => TIMEFRAME_MS[tf] === ms) ?? null;
}
