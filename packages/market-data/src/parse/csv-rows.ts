import type { ErrorList } from "./error-list.ts";
import { parseDecimal, parseTime, splitCsvLine } from "./fields.ts";
import { FIELD_NAMES, type RawCandleRow } from "./types.ts";

const OUR_HEADER = FIELD_NAMES.join(",");

/** Our format: `time,open,high,low,close,volume` (header optional), time in epoch ms or ISO 8601. */
export function parseOurCsv(lines: readonly string[], errors: ErrorList): RawCandleRow[] {
  const rows: RawCandleRow[] = [];
  lines.forEach((text, index) => {
    const line = index + 1;
    if (text.trim() === "") return;
    const fields = splitCsvLine(text);
    if (index === 0 && fields.join(",").toLowerCase() === OUR_HEADER) return;
    if (fields.length !== 6) {
      errors.add(line, `expected 6 fields (${OUR_HEADER}) but found ${fields.length}`);
      return;
    }
    rows.push(toRow(line, fields, errors));
  });
  return rows;
}

/**
 * Binance kline dump: 12 fields, no header (open time, o, h, l, c, volume, close time, quote volume,
 * trades, taker buy base, taker buy quote, ignore). Times are ms, or µs in dumps from 2025 on.
 */
export function parseBinanceKlines(lines: readonly string[], errors: ErrorList): RawCandleRow[] {
  const rows: RawCandleRow[] = [];
  lines.forEach((text, index) => {
    const line = index + 1;
    if (text.trim() === "") return;
    const fields = splitCsvLine(text);
    if (index === 0 && /^[a-z_ ]+$/i.test(fields[0] ?? "")) return; // some re-exports add a header
    if (fields.length !== 12) {
      errors.add(line, `expected 12 fields of a Binance kline row but found ${fields.length}`);
      return;
    }
    const row = toRow(line, fields.slice(0, 6), errors);
    const closeTime = parseTime(fields[6]!);
    if (Number.isNaN(closeTime)) errors.add(line, `close time "${fields[6]}" is not a timestamp`);
    else row.closeTime = closeTime;
    rows.push(row);
  });
  return rows;
}

function toRow(line: number, fields: readonly string[], errors: ErrorList): RawCandleRow {
  const time = parseTime(fields[0]!);
  if (Number.isNaN(time)) errors.add(line, `time "${fields[0]}" is neither epoch ms nor ISO 8601`);
  const values = [time];
  for (let f = 1; f < 6; f++) {
    const value = parseDecimal(fields[f]!);
    if (Number.isNaN(value)) errors.add(line, `${FIELD_NAMES[f]} "${fields[f]}" is not a number`);
    values.push(value);
  }
  const [, open, high, low, close, volume] = values as [number, number, number, number, number, number];
  return { line, time, open, high, low, close, volume };
}

/** 6 fields → our CSV, 12 → Binance dump; decided on the first non-empty line that is not a header. */
export function detectCsvFormat(lines: readonly string[]): "csv" | "binance-klines" {
  for (const text of lines) {
    if (text.trim() === "") continue;
    const count = splitCsvLine(text).length;
    if (count === 12) return "binance-klines";
    if (count === 6) return "csv";
  }
  return "csv";
}
