/** Identifies one candle series: exchange id (ccxt), unified symbol, timeframe. */
export interface SeriesKey {
  exchange: string;
  symbol: string;
  timeframe: string;
}

export interface SeriesCoverage extends SeriesKey {
  seriesId: number;
  /** Open time (epoch ms) of the first and last stored candle; null when empty. */
  first: number | null;
  last: number | null;
  rows: number;
  gaps: number;
  missing: number;
}

export function describeSeries(key: SeriesKey): string {
  return `${key.exchange} ${key.symbol} ${key.timeframe}`;
}
