export type CandleFileFormat = "csv" | "binance-klines" | "ccxt-json";

/** One problem in a candle file. `line` is 1-based in the file text. */
export interface CandleFileError {
  line: number;
  message: string;
}

/** A parsed row before validation. Unparsable fields are NaN and already reported. */
export interface RawCandleRow {
  line: number;
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  /** Binance dumps carry the close time: lets us catch a file of the wrong timeframe. */
  closeTime?: number;
}

export interface RowParseResult {
  rows: RawCandleRow[];
  errors: CandleFileError[];
}

export const FIELD_NAMES = ["time", "open", "high", "low", "close", "volume"] as const;
