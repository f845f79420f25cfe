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
