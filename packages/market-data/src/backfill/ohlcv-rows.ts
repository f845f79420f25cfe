import type { OHLCV } from "ccxt";
import { type CandleColumns, emptyColumns } from "../candle-columns.ts";
import { ErrorList } from "../parse/error-list.ts";
import { validateRows } from "../parse/validate.ts";

/**
 * ccxt rows → validated columns. A bad row from an exchange (null price, high below close, unsorted)
 * stops the backfill with a message rather than storing it.
 */
export function ohlcvToColumns(rows: readonly OHLCV[], intervalMs: number, context: string): CandleColumns {
  if (rows.length === 0) return emptyColumns(0);
  const errors = new ErrorList(3);
  const parsed = rows.map((row, index) => {
    const [time, open, high, low, close, volume] = row.map((v) =>
      typeof v === "number" ? v : Number.NaN,
    ) as number[];
    return {
      line: index + 1,
      time: time!,
      open: open!,
      high: high!,
      low: low!,
      close: close!,
      volume: volume!,
    };
  });
  for (const row of parsed) {
    if ([row.time, row.open, row.high, row.low, row.close, row.volume].some(Number.isNaN)) {
      errors.add(row.line, `row ${JSON.stringify(rows[row.line - 1])} has a missing value`);
    }
  }
  const columns = validateRows(parsed, intervalMs, errors);
  if (errors.total > 0) {
    const first = errors.items.map((e) => `candle ${e.line}: ${e.message}`).join("; ");
    throw new Error(`${context} returned ${errors.total} invalid candle value(s): ${first}`);
  }
  return columns;
}
