import { type CandleColumns, emptyColumns, lowerBound } from "../candle-columns.ts";
import { resample } from "../resample.ts";
import { timeframeMs } from "../timeframes.ts";
import { BinanceError, binanceId } from "./binance-format.ts";

interface Series {
  intervalMs: number;
  candles: CandleColumns;
}

/** The real candles a stub serves, per market and timeframe, cut at the stub's "now". */
export class MarketBook {
  private readonly series = new Map<string, Map<string, Series>>();

  load(symbol: string, timeframe: string, candles: CandleColumns): void {
    const bySymbol = this.series.get(symbol) ?? new Map<string, Series>();
    bySymbol.set(timeframe, { intervalMs: timeframeMs(timeframe), candles });
    this.series.set(symbol, bySymbol);
  }

  symbols(): string[] {
    return [...this.series.keys()];
  }

  symbolFor(id: string | null): string {
    const symbol = this.symbols().find((s) => binanceId(s) === id);
    if (!symbol) throw new BinanceError(400, -1121, "Invalid symbol.");
    return symbol;
  }

  /** The finest loaded series of a market: the "tape" that prices orders and forming candles. */
  finest(symbol: string): Series {
    const all = [...(this.series.get(symbol)?.values() ?? [])];
    const finest = all.sort((a, b) => a.intervalMs - b.intervalMs)[0];
    if (!finest) throw new BinanceError(400, -1121, "Invalid symbol.");
    return finest;
  }

  /** Candles of `timeframe`, resampled from the finest loaded series that divides it when needed. */
  seriesFor(symbol: string, timeframe: string): Series {
    const intervalMs = timeframeMs(timeframe);
    const bySymbol = this.series.get(symbol);
    const exact = bySymbol?.get(timeframe);
    if (exact) return exact;
    const source = [...(bySymbol?.entries() ?? [])]
      .filter(([, s]) => s.intervalMs < intervalMs && intervalMs % s.intervalMs === 0)
      .sort((a, b) => a[1].intervalMs - b[1].intervalMs)[0];
    if (!source) throw new BinanceError(400, -1120, "Invalid interval.");
    const candles = resample(source[1].candles, source[0], timeframe, { trimPartialEdges: false }).candles;
    const built = { intervalMs, candles };
    bySymbol!.set(timeframe, built);
    return built;
  }

  /** Last traded price at `now`: close of the newest finest candle closed by then. */
  lastPrice(symbol: string, now: number): number {
    const { candles, intervalMs } = this.finest(symbol);
    const closed = lowerBound(candles.time, now - intervalMs + 1);
    if (closed === 0) throw new BinanceError(400, -1013, "Market is closed.");
    return candles.close[closed - 1]!;
  }

  /** Finest candles that closed in (from, to]: what happened in the market between two clock ticks. */
  closedBetween(symbol: string, from: number, to: number): CandleColumns {
    const { candles, intervalMs } = this.finest(symbol);
    const start = lowerBound(candles.time, from - intervalMs + 1);
    const end = lowerBound(candles.time, to - intervalMs + 1);
    return slice(candles, start, end);
  }

  /**
   * The candle forming at `now`, from the finest candles closed inside it (flat at its open with
   * zero volume when none has closed yet) — like the exchange, it shows only what has happened.
   */
  formingCandle(symbol: string, timeframe: string, now: number): CandleColumns {
    const intervalMs = timeframeMs(timeframe);
    const openTime = now - (now % intervalMs);
    const { candles } = this.seriesFor(symbol, timeframe);
    const index = lowerBound(candles.time, openTime);
    if (candles.time[index] !== openTime) return emptyColumns(0);
    const inside = this.closedBetween(symbol, openTime, now);
    const out = emptyColumns(1);
    out.time[0] = openTime;
    const open = candles.open[index]!;
    out.open[0] = open;
    if (inside.time.length === 0 || inside.time[0] !== openTime) {
      out.high[0] = out.low[0] = out.close[0] = open;
      return out;
    }
    out.high[0] = Math.max(...inside.high);
    out.low[0] = Math.min(...inside.low);
    out.close[0] = inside.close[inside.time.length - 1]!;
    out.volume[0] = inside.volume.reduce((a, b) => a + b, 0);
    return out;
  }
}

export function slice(candles: CandleColumns, start: number, end: number): CandleColumns {
  return {
    time: candles.time.subarray(start, end),
    open: candles.open.subarray(start, end),
    high: candles.high.subarray(start, end),
    low: candles.low.subarray(start, end),
    close: candles.close.subarray(start, end),
    volume: candles.volume.subarray(start, end),
  };
}
