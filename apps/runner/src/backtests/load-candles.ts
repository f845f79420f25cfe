import type { StoredBacktestSettings } from "@tradegraph/contracts";
import { type CandleStore, readSeriesCandles } from "@tradegraph/market-data";
import type { CandleColumns } from "@tradegraph/nodes";

/** Candles come from Binance (bundled files and the default backfill source). */
export const BACKTEST_EXCHANGE = "binance";

/** A run that can never succeed as asked (no candles in range): retrying would not help. */
export class MissingCandlesError extends Error {}

/**
 * Candles per symbol for a run: the PostgreSQL store first, the bundled files when the store has nothing
 * for that series (a fresh install before the first import).
 */
export async function loadRunCandles(
  store: CandleStore | null,
  settings: StoredBacktestSettings,
): Promise<Record<string, CandleColumns>> {
  const candles: Record<string, CandleColumns> = {};
  const range = { from: settings.from, to: settings.to };
  for (const symbol of settings.symbols) {
    const key = { exchange: BACKTEST_EXCHANGE, symbol, timeframe: settings.timeframe };
    let found: Awaited<ReturnType<typeof readSeriesCandles>>;
    try {
      found = await readSeriesCandles(store, key, range);
    } catch (error) {
      throw new MissingCandlesError((error as Error).message);
    }
    if (!found) {
      throw new MissingCandlesError(
        `No ${symbol} ${settings.timeframe} candles are stored; import or backfill them first.`,
      );
    }
    if (found.candles.time.length === 0) {
      throw new MissingCandlesError(
        `No ${symbol} ${settings.timeframe} candles between ${new Date(settings.from).toISOString()} and ${new Date(settings.to).toISOString()}.`,
      );
    }
    candles[symbol] = found.candles;
  }
  return candles;
}
