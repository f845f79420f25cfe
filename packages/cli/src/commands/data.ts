/**
 * `tradegraph data import <file>` and `tradegraph data coverage [--json]`: the candle store from the
 * command line, against DATABASE_URL.
 */
import { basename } from "node:path";
import {
  CandleStore,
  describeBundledFile,
  formatTime,
  importCandleFile,
  isTimeframe,
  type SeriesCoverage,
  STORE_TIMEFRAMES,
} from "@tradegraph/market-data";
import type { Command } from "commander";

export interface DataOutput {
  out(text: string): void;
  err(text: string): void;
}

export interface DataImportOptions {
  exchange?: string;
  symbol?: string;
  timeframe?: string;
  databaseUrl?: string;
}

const processOutput: DataOutput = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

class UsageError extends Error {}

export function registerDataCommand(program: Command, output: DataOutput = processOutput): void {
  const data = program
    .command("data")
    .description("Candle store: import files, show coverage (uses DATABASE_URL)");
  data
    .command("import <file>")
    .description(
      "Import candles: time,open,high,low,close,volume CSV, Binance kline dump or ccxt JSON (.gz or plain)",
    )
    .option(
      "--exchange <id>",
      "exchange id, e.g. binance (default: from a name like binance_BTCUSDT_1h.csv.gz)",
    )
    .option("--symbol <symbol>", "market, e.g. BTC/USDT (default: from the file name)")
    .option(
      "--timeframe <tf>",
      `candle timeframe: ${STORE_TIMEFRAMES.join(", ")} (default: from the file name)`,
    )
    .action(async (file: string, options: DataImportOptions) => {
      process.exitCode = await dataImportCommand(file, options, output);
    });
  data
    .command("coverage")
    .description("One line per stored series: exchange, symbol, timeframe, first, last, rows, gaps")
    .option("--json", "print the coverage as JSON")
    .action(async (options: { json?: boolean }) => {
      process.exitCode = await dataCoverageCommand(options, output);
    });
}

function databaseUrlFrom(explicit: string | undefined): string {
  const url = explicit ?? process.env["DATABASE_URL"];
  if (!url) throw new UsageError("DATABASE_URL is not set: point it at the Tradegraph PostgreSQL database");
  return url;
}

/** Imports one file; returns the exit code (0 stored or already stored, 1 rejected or unusable). */
export async function dataImportCommand(
  file: string,
  options: DataImportOptions,
  output: DataOutput,
): Promise<number> {
  let store: CandleStore | undefined;
  try {
    const fromName = describeBundledFile(basename(file));
    const exchange = options.exchange ?? fromName?.exchange;
    const symbol = options.symbol ?? fromName?.symbol;
    const timeframe = options.timeframe ?? fromName?.timeframe;
    if (!exchange) throw new UsageError("--exchange is required (e.g. --exchange binance)");
    if (!symbol || !/^[A-Z0-9]+\/[A-Z0-9]+$/.test(symbol)) {
      throw new UsageError(`--symbol must look like BTC/USDT${symbol ? `, got "${symbol}"` : ""}`);
    }
    if (!timeframe || !isTimeframe(timeframe)) {
      throw new UsageError(
        `--timeframe must be one of ${STORE_TIMEFRAMES.join(", ")}${timeframe ? `, got "${timeframe}"` : ""}`,
      );
    }
    store = CandleStore.open(databaseUrlFrom(options.databaseUrl));
    const result = await importCandleFile(store, file, { exchange, symbol, timeframe });
    const series = `${exchange} ${symbol} ${timeframe}`;
    if (!result.ok) {
      for (const error of result.errors) output.err(`${file}:${error.line}: ${error.message}`);
      const more = result.errorCount - result.errors.length;
      output.err(
        `${more > 0 ? `... and ${more} more. ` : ""}${result.errorCount} error(s): nothing was stored for ${series}.`,
      );
      return 1;
    }
    output.out(
      `${series} from ${basename(file)} (${result.format}): ${result.rows} rows, ${result.stored} stored, ` +
        `${result.duplicates} duplicates skipped, ${result.gapsInFile} gaps found`,
    );
    if (result.conflicting > 0) {
      output.out(
        `${result.conflicting} of the duplicates differ from the stored candles; the stored values were kept.`,
      );
    }
    output.out(`Series now: ${coverageLine(result.coverage)}`);
    return 0;
  } catch (error) {
    output.err(
      error instanceof UsageError ? error.message : `data import failed: ${(error as Error).message}`,
    );
    return 1;
  } finally {
    await store?.close();
  }
}

export async function dataCoverageCommand(
  options: { json?: boolean; databaseUrl?: string },
  output: DataOutput,
): Promise<number> {
  let store: CandleStore | undefined;
  try {
    store = CandleStore.open(databaseUrlFrom(options.databaseUrl));
    const coverage = (await store.coverage()).filter((c) => c.rows > 0);
    if (options.json) {
      const rows = coverage.map(({ seriesId: _id, ...c }) => ({
        ...c,
        first: c.first === null ? null : new Date(c.first).toISOString(),
        last: c.last === null ? null : new Date(c.last).toISOString(),
      }));
      output.out(JSON.stringify(rows, null, 2));
    } else if (coverage.length === 0) {
      output.out("No candles stored yet: run `tradegraph data import <file>` or a backfill.");
    } else {
      for (const c of coverage) output.out(coverageLine(c));
    }
    return 0;
  } catch (error) {
    output.err(
      error instanceof UsageError ? error.message : `data coverage failed: ${(error as Error).message}`,
    );
    return 1;
  } finally {
    await store?.close();
  }
}

function coverageLine(c: SeriesCoverage): string {
  const when = (t: number | null) => (t === null ? "-" : formatTime(t));
  return [
    c.exchange.padEnd(10),
    c.symbol.padEnd(10),
    c.timeframe.padEnd(4),
    when(c.first),
    when(c.last),
    `${c.rows} rows`.padStart(12),
    `${c.gaps} gaps (${c.missing} candles missing)`,
  ].join("  ");
}
