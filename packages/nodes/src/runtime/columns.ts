import type { PortType } from "../ports.ts";
import { CANDLE_FIELDS, type Candle, type CandleColumns } from "../runtime-types.ts";

/** Port types whose value is one Float64Array column per output. */
export function isColumnType(type: PortType): boolean {
  return type === "number" || type === "boolean" || type === "prediction";
}

export function nanColumn(length: number): Float64Array {
  return new Float64Array(length).fill(Number.NaN);
}

/** A larger copy: the first `length` values kept, the rest NaN. */
export function growColumn(column: Float64Array, capacity: number): Float64Array {
  const grown = nanColumn(capacity);
  grown.set(column.subarray(0, Math.min(column.length, capacity)));
  return grown;
}

export function emptyCandleColumns(capacity: number): CandleColumns {
  return {
    time: nanColumn(capacity),
    open: nanColumn(capacity),
    high: nanColumn(capacity),
    low: nanColumn(capacity),
    close: nanColumn(capacity),
    volume: nanColumn(capacity),
  };
}

/** Replaces each field with a larger copy, in place, so every holder of the object sees the new columns. */
export function growCandleColumns(columns: CandleColumns, capacity: number): void {
  for (const field of CANDLE_FIELDS) columns[field] = growColumn(columns[field], capacity);
}

/** Fail fast on bad candles where they enter: finite OHLCV and strictly increasing open times. */
export function checkCandle(candle: Candle, index: number, previousTime: number): void {
  for (const field of CANDLE_FIELDS) {
    const value = candle[field];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new Error(`candle ${index}: ${field} is ${String(value)}, expected a finite number`);
    }
  }
  if (!(candle.time > previousTime)) {
    throw new Error(
      `candle ${index} at ${new Date(candle.time).toISOString()} is not after the previous candle (${new Date(previousTime).toISOString()})`,
    );
  }
}
