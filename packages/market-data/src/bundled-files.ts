import { readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** data/candles at the repository root: real Binance candles shipped with the app. */
export const BUNDLED_CANDLES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../../data/candles");

export interface BundledFile {
  path: string;
  exchange: string;
  /** ccxt unified symbol, e.g. BTC/USDT. */
  symbol: string;
  timeframe: string;
}

const QUOTES = ["USDT", "USDC", "BUSD", "BTC", "ETH", "EUR", "USD"];

/** `binance_BTCUSDT_1h.csv.gz` → binance, BTC/USDT, 1h. */
export function describeBundledFile(fileName: string): Omit<BundledFile, "path"> | null {
  const match = /^([a-z0-9]+)_([A-Z0-9]+)_(\d+[mhdw])\.csv(?:\.gz)?$/.exec(fileName);
  if (!match) return null;
  const [, exchange, pair, timeframe] = match as unknown as [string, string, string, string];
  const quote = QUOTES.find((q) => pair.endsWith(q) && pair.length > q.length);
  if (!quote) return null;
  return { exchange, symbol: `${pair.slice(0, -quote.length)}/${quote}`, timeframe };
}

export function listBundledFiles(dir = BUNDLED_CANDLES_DIR): BundledFile[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const info = describeBundledFile(name);
      return info ? [{ path: join(dir, name), ...info }] : [];
    });
}

export function bundledFile(symbol: string, timeframe: string): BundledFile {
  const file = listBundledFiles().find((f) => f.symbol === symbol && f.timeframe === timeframe);
  if (!file) throw new Error(`No bundled candles for ${symbol} ${timeframe} in ${BUNDLED_CANDLES_DIR}`);
  return file;
}
