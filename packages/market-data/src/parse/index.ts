import type { CandleColumns } from "../candle-columns.ts";
import { timeframeMs } from "../timeframes.ts";
import { parseCcxtJson } from "./ccxt-json.ts";
import { detectCsvFormat, parseBinanceKlines, parseOurCsv } from "./csv-rows.ts";
import { ErrorList } from "./error-list.ts";
import type { CandleFileError, CandleFileFormat } from "./types.ts";
import { validateRows } from "./validate.ts";

export type { CandleFileError, CandleFileFormat } from "./types.ts";

export interface ParseOptions {
  timeframe: string;
  /** Detected from the content when omitted. */
  format?: CandleFileFormat;
  /** How many errors to list (all are counted). */
  maxErrors?: number;
}

export type ParseResult =
  | { ok: true; format: CandleFileFormat; candles: CandleColumns }
  | { ok: false; format: CandleFileFormat; errors: CandleFileError[]; errorCount: number };

/** Parses and validates a whole candle file (text, already decompressed). Pure: no I/O. */
export function parseCandleText(text: string, options: ParseOptions): ParseResult {
  const intervalMs = timeframeMs(options.timeframe);
  const errors = new ErrorList(options.maxErrors ?? 50);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let format = options.format;
  let rows: ReturnType<typeof parseOurCsv>;
  if (format === "ccxt-json" || (!format && body.trimStart().startsWith("["))) {
    format = "ccxt-json";
    rows = parseCcxtJson(body, errors);
  } else {
    const lines = body.split(/\r?\n/);
    format ??= detectCsvFormat(lines);
    rows = format === "binance-klines" ? parseBinanceKlines(lines, errors) : parseOurCsv(lines, errors);
  }
  const candles = validateRows(rows, intervalMs, errors);
  if (rows.length === 0 && errors.total === 0) errors.add(1, "the file holds no candles");
  if (errors.total > 0) return { ok: false, format, errors: errors.items, errorCount: errors.total };
  return { ok: true, format, candles };
}
