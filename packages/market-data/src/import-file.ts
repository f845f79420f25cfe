import { readFile } from "node:fs/promises";
import { findGaps } from "./gaps.ts";
import type { CandleFileError, CandleFileFormat } from "./parse/index.ts";
import { parseCandleText } from "./parse/index.ts";
import { decodeCandleBytes } from "./read-candle-file.ts";
import type { CandleStore } from "./store/candle-store.ts";
import type { SeriesCoverage, SeriesKey } from "./store/series.ts";
import { timeframeMs } from "./timeframes.ts";

export type ImportResult =
  | {
      ok: true;
      format: CandleFileFormat;
      rows: number;
      stored: number;
      duplicates: number;
      conflicting: number;
      /** Gaps inside the file itself. */
      gapsInFile: number;
      /** The whole stored series after the import. */
      coverage: SeriesCoverage;
    }
  | { ok: false; format: CandleFileFormat; errors: CandleFileError[]; errorCount: number };

/** Validates a whole file, then stores it in one transaction; a file with any error stores nothing. */
export async function importCandleBytes(
  store: CandleStore,
  bytes: Uint8Array,
  key: SeriesKey,
): Promise<ImportResult> {
  const parsed = parseCandleText(decodeCandleBytes(bytes), { timeframe: key.timeframe });
  if (!parsed.ok) return parsed;
  const written = await store.write(key, parsed.candles);
  const [coverage] = await store.coverage(key);
  return {
    ok: true,
    format: parsed.format,
    rows: parsed.candles.time.length,
    ...written,
    gapsInFile: findGaps(parsed.candles.time, timeframeMs(key.timeframe)).length,
    coverage: coverage!,
  };
}

export async function importCandleFile(
  store: CandleStore,
  path: string,
  key: SeriesKey,
): Promise<ImportResult> {
  return importCandleBytes(store, await readFile(path), key);
}
