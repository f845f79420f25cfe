import ccxt, { type Exchange } from "ccxt";

export type { Exchange };

/**
 * A ccxt REST client for any exchange id ccxt knows (binance, binanceus, kraken, ...). ccxt's own
 * throttler keeps requests `exchange.rateLimit` ms apart; `config` may point it at a stub.
 */
export function createExchange(id: string, config: Record<string, unknown> = {}): Exchange {
  const ExchangeClass = (ccxt as unknown as Record<string, new (config: object) => Exchange>)[id];
  if (!ccxt.exchanges.includes(id) || !ExchangeClass) {
    throw new Error(
      `Unknown exchange "${id}": ccxt supports ${ccxt.exchanges.length} ids, e.g. binance, binanceus, kraken`,
    );
  }
  return new ExchangeClass({ enableRateLimit: true, ...config });
}

/** Throws a message naming what is wrong when the exchange lacks the market or the timeframe. */
export function checkMarketAndTimeframe(exchange: Exchange, symbol: string, timeframe: string): void {
  if (!exchange.has["fetchOHLCV"])
    throw new Error(`${exchange.id} does not offer candles (fetchOHLCV) through ccxt`);
  if (!exchange.markets?.[symbol]) throw new Error(`${exchange.id} has no market ${symbol}`);
  const timeframes = Object.keys(exchange.timeframes ?? {});
  if (timeframes.length > 0 && !timeframes.includes(timeframe)) {
    throw new Error(`${exchange.id} has no ${timeframe} candles; it offers ${timeframes.join(", ")}`);
  }
}

/** Most candles one fetchOHLCV call returns (binance 1000, kraken 720), from ccxt's feature table. */
export function ohlcvPageLimit(exchange: Exchange): number {
  const features = exchange.features as { spot?: { fetchOHLCV?: { limit?: number } } } | undefined;
  return features?.spot?.fetchOHLCV?.limit ?? 500;
}

/** The exchange's clock when it tells it (stubs and skewed local clocks), else ours. */
export async function exchangeNow(exchange: Exchange): Promise<number> {
  if (exchange.has["fetchTime"]) {
    const time = await exchange.fetchTime();
    if (typeof time === "number") return time;
  }
  return exchange.milliseconds();
}
