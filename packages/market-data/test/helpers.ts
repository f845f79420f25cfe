import { readFileSync } from "node:fs";
import { bundledFile } from "../src/bundled-files.ts";
import type { CandleColumns } from "../src/candle-columns.ts";
import { decodeCandleBytes, readCandleFile } from "../src/read-candle-file.ts";

/** The text of a bundled real candle file, decompressed. */
export function bundledText(symbol: string, timeframe: string): string {
  return decodeCandleBytes(readFileSync(bundledFile(symbol, timeframe).path));
}

/** Bundled real candles, parsed and validated (throws if the file fails validation). */
export async function bundledColumns(symbol: string, timeframe: string): Promise<CandleColumns> {
  const result = await readCandleFile(bundledFile(symbol, timeframe).path, { timeframe });
  if (!result.ok) throw new Error(`bundled ${symbol} ${timeframe} failed: ${JSON.stringify(result.errors)}`);
  return result.candles;
}

/** The data lines (no header) of a bundled file, first `count` of them. */
export function bundledLines(symbol: string, timeframe: string, count: number): string[] {
  return bundledText(symbol, timeframe)
    .split("\n")
    .slice(1, count + 1);
}

/** Rows of `columns` with time in [from, to]. */
export function between(columns: CandleColumns, from: number, to: number): CandleColumns {
  const keep = (column: Float64Array) =>
    column.filter((_, i) => columns.time[i]! >= from && columns.time[i]! <= to);
  return {
    time: keep(columns.time),
    open: keep(columns.open),
    high: keep(columns.high),
    low: keep(columns.low),
    close: keep(columns.close),
    volume: keep(columns.volume),
  };
}

/** First differing row of two column sets (exact comparison), or null; readable where toEqual is not. */
export function firstDifference(a: CandleColumns, b: CandleColumns): string | null {
  if (a.time.length !== b.time.length) return `lengths differ: ${a.time.length} vs ${b.time.length}`;
  for (let i = 0; i < a.time.length; i++) {
    for (const field of ["time", "open", "high", "low", "close", "volume"] as const) {
      if (!Object.is(a[field][i], b[field][i])) {
        return `row ${i} (${new Date(a.time[i]!).toISOString()}) ${field}: ${a[field][i]} vs ${b[field][i]}`;
      }
    }
  }
  return null;
}
