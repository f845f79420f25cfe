import { readFile } from "node:fs/promises";
import type pg from "pg";
import { type BundledFile, listBundledFiles } from "./bundled-files.ts";
import { importCandleBytes } from "./import-file.ts";
import { decodeCandleBytes } from "./read-candle-file.ts";
import { CandleStore } from "./store/candle-store.ts";

export interface BundledLoadProgress {
  file: BundledFile;
  index: number;
  total: number;
  /** "skipped" when the stored series already holds exactly this file's candles. */
  status: "imported" | "skipped";
  stored: number;
}

export interface BundledLoadResult {
  files: number;
  imported: number;
  skipped: number;
  stored: number;
}

/**
 * Imports every file of data/candles so a fresh install can backtest offline. Idempotent; on later
 * starts a file is skipped without parsing when its first/last time and row count are already stored.
 */
export async function loadBundledCandles(
  database: string | pg.Pool,
  options: { onProgress?: (progress: BundledLoadProgress) => void; dir?: string } = {},
): Promise<BundledLoadResult> {
  const store = CandleStore.open(database);
  const files = listBundledFiles(options.dir);
  const result: BundledLoadResult = { files: files.length, imported: 0, skipped: 0, stored: 0 };
  try {
    const coverage = await store.coverage();
    for (const [index, file] of files.entries()) {
      const bytes = await readFile(file.path);
      const summary = summariseCsv(decodeCandleBytes(bytes));
      const stored = coverage.find(
        (c) => c.exchange === file.exchange && c.symbol === file.symbol && c.timeframe === file.timeframe,
      );
      const upToDate =
        stored &&
        stored.first === summary.first &&
        stored.last === summary.last &&
        stored.rows === summary.rows;
      let storedNow = 0;
      if (!upToDate) {
        const imported = await importCandleBytes(store, bytes, file);
        if (!imported.ok) {
          throw new Error(
            `Bundled file ${file.path} is invalid: ${JSON.stringify(imported.errors.slice(0, 3))}`,
          );
        }
        storedNow = imported.stored;
        result.imported++;
        result.stored += storedNow;
      } else result.skipped++;
      options.onProgress?.({
        file,
        index,
        total: files.length,
        status: upToDate ? "skipped" : "imported",
        stored: storedNow,
      });
    }
  } finally {
    await store.close();
  }
  return result;
}

/** First/last time and row count of our CSV without parsing every row. */
function summariseCsv(text: string): { first: number; last: number; rows: number } {
  const lines = text.trimEnd().split("\n");
  const body = lines[0]?.startsWith("time") ? lines.slice(1) : lines;
  const timeOf = (line: string | undefined) => Number(line?.slice(0, line.indexOf(",")));
  return { first: timeOf(body[0]), last: timeOf(body.at(-1)), rows: body.length };
}
