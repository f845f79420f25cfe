import { type CandleColumns, candlesInTimeRange } from "@tradegraph/nodes";
import { listBundledFiles } from "./bundled-files.ts";
import { readCandleFile } from "./read-candle-file.ts";
import type { CandleStore } from "./store/candle-store.ts";
import type { SeriesKey } from "./store/series.ts";

export interface SeriesCandles {
  candles: CandleColumns;
  /** Where they came from: the store, or the bundled file because the store had none in range. */
  source: "store" | "bundled";
}

/**
 * Candles of one series in [from, to): the PostgreSQL store first (imports and backfills land there), the
 * bundled file when the store has none in that range (a fresh install before the bundled load finished).
 * Backtests and the results chart both read through here, so the chart shows the candles the run used.
 * Null when neither has the series; throws when a bundled file does not parse.
 */
export async function readSeriesCandles(
  store: CandleStore | null,
  key: SeriesKey,
  range: { from: number; to: number },
): Promise<SeriesCandles | null> {
  if (store) {
    const stored = await store.read(key, range);
    if (stored.time.length > 0) return { candles: stored, source: "store" };
  }
  const file = listBundledFiles().find(
    (f) => f.exchange === key.exchange && f.symbol === key.symbol && f.timeframe === key.timeframe,
  );
  if (!file) return null;
  const parsed = await readCandleFile(file.path, { timeframe: key.timeframe });
  if (!parsed.ok) throw new Error(`Bundled ${key.symbol} ${key.timeframe} candles do not parse.`);
  return {
    candles: candlesInTimeRange(parsed.candles as CandleColumns, range.from, range.to),
    source: "bundled",
  };
}
