// Warm-up on (re)start: the strategy sees enough closed history for its indicators before it trades, so
// its first live decision is the one the backtest makes on that bar instead of waiting for N live candles.
import {
  bucketStart,
  type Candle,
  type CandleStore,
  candleAt,
  type Exchange,
  exchangeNow,
  ohlcvPageLimit,
  timeframeMs,
  withRetry,
} from "@tradegraph/market-data";
import { warmupBars } from "@tradegraph/nodes";
import type { SharedRateLimiter } from "../rate-limit/token-bucket.ts";
import type { DeploymentLoop } from "./deployment-loop.ts";

export interface WarmUpOptions {
  loop: DeploymentLoop;
  symbol: string;
  timeframe: string;
  /** Closed candles come from here when the store does not have them (the newest ones, usually). */
  exchange: Exchange;
  /** Stored candles, read first. */
  store?: CandleStore | undefined;
  /** Store series to read (`exchange` of the series); none = exchange only (testnet prices are its own). */
  storeExchange?: string | undefined;
  /** Open time of the last candle already handled (a resume); default: the last candle closed now. */
  after?: number | undefined;
  signal?: AbortSignal | undefined;
  /** The API key's shared request budget (the one orders use): every exchange request takes a token. */
  limiter?: { limiter: SharedRateLimiter; apiKeyId: string } | undefined;
}

export interface WarmUpResult {
  /** History bars pushed through the strategy. */
  bars: number;
  fromStore: number;
  fromExchange: number;
  /** Open time of the last warm-up candle: live trading starts after it. Undefined when none was found. */
  lastTime: number | undefined;
}

/**
 * History to read: the plan's warm-up, three times over (at least 10 bars more) because recursive
 * indicators (EMA, Wilder smoothing) converge on the backtest's values rather than match them at once.
 */
export function warmUpLength(planWarmUpBars: number): number {
  return Math.min(10_000, Math.max(3 * planWarmUpBars, planWarmUpBars + 10));
}

/** Feeds the deployment loop the closed candles before live trading starts (signals are dropped). */
export async function warmUpDeployment(options: WarmUpOptions): Promise<WarmUpResult> {
  const { loop, symbol, timeframe, exchange } = options;
  const s = loop.options.symbols.indexOf(symbol);
  if (s < 0) throw new Error(`This deployment does not trade ${symbol}.`);
  const interval = timeframeMs(timeframe);
  // Each attempt (retries too) waits for a token, so a restart's history burst cannot starve orders.
  const limited =
    <T>(request: () => Promise<T>) =>
    async (): Promise<T> => {
      if (options.limiter) await options.limiter.limiter.take(options.limiter.apiKeyId, 1, options.signal);
      return request();
    };
  const plan = loop.session.strategyAt(s).plan;
  const length = warmUpLength(plan ? warmupBars(plan, interval) : 0);
  const exchangeTime = () =>
    withRetry(
      "exchange time",
      limited(() => exchangeNow(exchange)),
    );
  const until = options.after ?? bucketStart(await exchangeTime(), interval) - interval;
  const from = until - (length - 1) * interval;

  const stored =
    options.store && options.storeExchange
      ? await options.store.read(
          { exchange: options.storeExchange, symbol, timeframe },
          { from, to: until + interval },
        )
      : undefined;
  const candles: Candle[] = [];
  if (stored) for (let i = 0; i < stored.time.length; i++) candles.push(candleAt(stored, i));
  const fromStore = candles.length;
  // The store usually ends a little before now: the exchange supplies the rest.
  let since = fromStore > 0 ? candles[fromStore - 1]!.time + interval : from;
  const limit = ohlcvPageLimit(exchange);
  while (since <= until && !options.signal?.aborted) {
    const start = since;
    const rows = await withRetry(
      `${symbol} ${timeframe} warm-up candles`,
      limited(() => exchange.fetchOHLCV(symbol, timeframe, start, limit)),
    );
    const page = rows.filter((r) => typeof r[0] === "number" && r[0] >= start && r[0] <= until);
    if (page.length === 0) break;
    for (const [time, open, high, low, close, volume] of page) {
      candles.push({
        time: time as number,
        open: Number(open),
        high: Number(high),
        low: Number(low),
        close: Number(close),
        volume: Number(volume),
      });
    }
    since = (page.at(-1)![0] as number) + interval;
  }

  for (const candle of candles) loop.session.warmUp(s, candle);
  return {
    bars: candles.length,
    fromStore,
    fromExchange: candles.length - fromStore,
    lastTime: candles.at(-1)?.time,
  };
}
