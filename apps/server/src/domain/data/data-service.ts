import { importCandleBytes, readSeriesCandles } from "@tradegraph/market-data";
import type { z } from "zod";
import { AppError } from "../app-error.ts";
import type { ServerDeps } from "../deps.ts";
import { candleStoreOf } from "./candle-store.ts";
import { type candlesInput, type importCandlesInput, MAX_CANDLES_PER_REQUEST } from "./inputs.ts";

/** Candles as plain number columns (JSON-friendly), oldest first. */
export interface CandleColumnsWire {
  time: number[];
  open: number[];
  high: number[];
  low: number[];
  close: number[];
  volume: number[];
}

export async function readCandles(
  deps: ServerDeps,
  input: z.output<typeof candlesInput>,
): Promise<{ exchange: string; symbol: string; timeframe: string; candles: CandleColumnsWire }> {
  const store = candleStoreOf(deps);
  const key = { exchange: input.exchange, symbol: input.symbol, timeframe: input.timeframe };
  const range = { from: input.from, to: input.to };
  const tooMany = (count: number) =>
    new AppError(
      "VALIDATION_FAILED",
      `That range holds ${count.toLocaleString("en-US")} ${input.timeframe} candles of ${input.symbol}; ` +
        `at most ${MAX_CANDLES_PER_REQUEST.toLocaleString("en-US")} are sent at once. Narrow the range or pick a longer timeframe.`,
    );
  // Count first so an oversized request fails before a large read.
  const { count } = await store.storedInRange(key, range);
  if (count > MAX_CANDLES_PER_REQUEST) throw tooMany(count);
  // Same source as the backtest runner: the bundled file when the store has none in range.
  const found = await readSeriesCandles(store, key, range);
  const c = found?.candles ?? { time: [], open: [], high: [], low: [], close: [], volume: [] };
  if (c.time.length > MAX_CANDLES_PER_REQUEST) throw tooMany(c.time.length);
  return {
    ...key,
    candles: {
      time: Array.from(c.time),
      open: Array.from(c.open),
      high: Array.from(c.high),
      low: Array.from(c.low),
      close: Array.from(c.close),
      volume: Array.from(c.volume),
    },
  };
}

export interface SeriesCoverageView {
  exchange: string;
  symbol: string;
  timeframe: string;
  first: number | null;
  last: number | null;
  rows: number;
  missing: number;
  /** Each gap: open time of the last candle before it, of the first after it, and candles missing. */
  gaps: { after: number; resumesAt: number; missing: number }[];
}

export async function coverage(
  deps: ServerDeps,
  filter: { exchange?: string | undefined; symbol?: string | undefined } = {},
): Promise<SeriesCoverageView[]> {
  const store = candleStoreOf(deps);
  const series = await store.coverage({
    ...(filter.exchange ? { exchange: filter.exchange } : {}),
    ...(filter.symbol ? { symbol: filter.symbol } : {}),
  });
  return Promise.all(
    series.map(async (s) => ({
      exchange: s.exchange,
      symbol: s.symbol,
      timeframe: s.timeframe,
      first: s.first,
      last: s.last,
      rows: s.rows,
      missing: s.missing,
      gaps: s.gaps === 0 ? [] : await store.gaps(s),
    })),
  );
}

export type ImportCandlesOutcome =
  | { ok: true; rows: number; stored: number; duplicates: number; conflicting: number; gapsInFile: number }
  | { ok: false; errors: { line: number; message: string }[]; errorCount: number };

/** Validates and stores an uploaded file; a file with any bad line stores nothing. */
export async function importCandles(
  deps: ServerDeps,
  input: z.output<typeof importCandlesInput>,
): Promise<ImportCandlesOutcome> {
  const bytes = Buffer.from(input.base64, "base64");
  if (bytes.length === 0) throw new AppError("VALIDATION_FAILED", "The uploaded file is empty.");
  const result = await importCandleBytes(candleStoreOf(deps), bytes, {
    exchange: input.exchange,
    symbol: input.symbol,
    timeframe: input.timeframe,
  });
  if (!result.ok) {
    return {
      ok: false,
      errors: result.errors.map((e) => ({ line: e.line, message: e.message })),
      errorCount: result.errorCount,
    };
  }
  deps.logger.info(
    { symbol: input.symbol, timeframe: input.timeframe, stored: result.stored, file: input.fileName },
    "candle file imported",
  );
  return {
    ok: true,
    rows: result.rows,
    stored: result.stored,
    duplicates: result.duplicates,
    conflicting: result.conflicting,
    gapsInFile: result.gapsInFile,
  };
}
