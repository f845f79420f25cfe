import type { StoredBacktestSettings } from "@tradegraph/contracts";
import { bundledFile, type CandleStore, readCandleFile } from "@tradegraph/market-data";
import { type CandleColumns, candlesInTimeRange } from "@tradegraph/nodes";

/** Candles come from Binance (bundled files and the default backfill source). */
export const BACKTEST_EXCHANGE = "binance";

/** A run that can never succeed as asked (no candles in range): retrying would not help. */
export class MissingCandlesError extends Error {}

/**
 * Candles per symbol for a run: the PostgreSQL store first (imports and backfills land there), the bundled
 * files when the store has nothing for that series (a fresh install before the first import).
 */
export async function loadRunCandles(
  store: CandleStore | null,
  settings: StoredBacktestSettings,
): Promise<Record<string, CandleColumns>> {
  const candles: Record<string, CandleColumns> = {};
  for (const symbol of settings.symbols) {
    const key = { exchange: BACKTEST_EXCHANGE, symbol, timeframe: settings.timeframe };
    let columns = store ? await store.read(key, { from: settings.from, to: settings.to }) : null;
    if (!columns || columns.time.length === 0) {
      let path: string;
      try {
        path = bundledFile(symbol, settings.timeframe).path;
      } catch {
        throw new MissingCandlesError(
          `No ${symbol} ${settings.timeframe} candles are stored; import or backfill them first.`,
        );
      }
      const parsed = await readCandleFile(path, { timeframe: settings.timeframe });
      if (!parsed.ok)
        throw new MissingCandlesError(`Bundled ${symbol} ${settings.timeframe} candles do not parse.`);
      columns = candlesInTimeRange(parsed.candles as CandleColumns, settings.from, settings.to);
    }
    if (columns.time.length === 0) {
      throw new MissingCandlesError(
        `No ${symbol} ${settings.timeframe} candles between ${new Date(settings.from).toISOString()} and ${new Date(settings.to).toISOString()}.`,
      );
    }
    candles[symbol] = columns;
  }
  return candles;
}
