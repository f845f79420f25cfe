import type { CandleStore } from "../store/candle-store.ts";
import { describeSeries, type SeriesKey } from "../store/series.ts";
import { bucketStart, timeframeMs } from "../timeframes.ts";
import { checkMarketAndTimeframe, type Exchange, exchangeNow, ohlcvPageLimit } from "./exchange.ts";
import { ohlcvToColumns } from "./ohlcv-rows.ts";
import { sleep as defaultSleep, type RetryPolicy, type Sleep, withRetry } from "./retry.ts";

export interface BackfillRequest extends SeriesKey {
  /** First candle open time wanted, epoch ms. */
  from: number;
  /** Exclusive end, epoch ms; defaults to the exchange's now. Only closed candles are ever stored. */
  to?: number;
}

export interface BackfillProgress {
  /** Candles of the range stored so far (including those stored by an earlier, interrupted run). */
  fetched: number;
  /** Candles the range holds if the exchange had no outage. */
  expected: number;
}

export interface BackfillResult extends BackfillProgress {
  series: SeriesKey;
  /** Candles newly stored by this run. */
  stored: number;
  pages: number;
  retries: number;
  /** False when stopped through the abort signal (run it again to resume). */
  completed: boolean;
  /** Where this run started: after the last stored candle when resuming. */
  resumedFrom: number;
  /**
   * Open-time ranges [from, to) the exchange skipped: before a listing, outages, or history it no
   * longer serves (kraken only returns its latest 720 candles). Shown, never filled in.
   */
  holes: { from: number; to: number }[];
}

export interface BackfillDeps {
  store: CandleStore;
  exchange: Exchange;
  onProgress?: (progress: BackfillProgress) => void | Promise<void>;
  onRetry?: (error: Error, waitMs: number) => void;
  signal?: AbortSignal;
  retry?: RetryPolicy;
  sleep?: Sleep;
}

/**
 * Fetches candles page by page with `since` and stores each page as it arrives, so a restarted
 * backfill resumes after the last stored candle. Network errors, 429s and 5xx are retried with
 * exponential backoff; ccxt's throttler (or our own wait when it is off) keeps the rate limit.
 */
export async function backfillCandles(request: BackfillRequest, deps: BackfillDeps): Promise<BackfillResult> {
  const { store, exchange, signal } = deps;
  const intervalMs = timeframeMs(request.timeframe);
  const series: SeriesKey = {
    exchange: request.exchange,
    symbol: request.symbol,
    timeframe: request.timeframe,
  };
  const label = describeSeries(series);
  let retries = 0;
  const retrying = <T>(what: string, call: () => Promise<T>) =>
    withRetry(`${label}: ${what}`, call, {
      ...deps.retry,
      signal,
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
      onRetry: (error, waitMs) => {
        retries++;
        deps.onRetry?.(error, waitMs);
      },
    });

  // ccxt hands back a failed load's promise on the next loadMarkets(); a retry must ask for a fresh one.
  await retrying("loading markets", () => exchange.loadMarkets(exchange.markets === undefined));
  checkMarketAndTimeframe(exchange, request.symbol, request.timeframe);
  const now = await retrying("reading the exchange clock", () => exchangeNow(exchange));
  const first = bucketStart(request.from + intervalMs - 1, intervalMs); // first aligned open time >= from
  // Closed candles only: the candle opening at bucketStart(now) is still forming.
  const end = Math.min(request.to ?? Number.POSITIVE_INFINITY, bucketStart(now, intervalMs));
  const expected = Math.max(0, Math.ceil((end - first) / intervalMs));
  const already = await store.storedInRange(series, { from: first, to: Math.max(first, end) });
  const resumedFrom = already.last === null ? first : already.last + intervalMs;
  let fetched = already.count;
  let stored = 0;
  let pages = 0;
  const holes: BackfillResult["holes"] = [];
  const limit = ohlcvPageLimit(exchange);
  await deps.onProgress?.({ fetched, expected });

  let since = resumedFrom;
  while (since < end && !signal?.aborted) {
    if (pages > 0 && !exchange.enableRateLimit)
      await (deps.sleep ?? defaultSleep)(Number(exchange.rateLimit), signal);
    const rows = await retrying(`fetching candles since ${new Date(since).toISOString()}`, () =>
      exchange.fetchOHLCV(request.symbol, request.timeframe, since, limit),
    );
    pages++;
    const page = ohlcvToColumns(
      rows.filter((row) => {
        const time = row[0];
        return typeof time === "number" && time >= since && time < end;
      }),
      intervalMs,
      `${exchange.id} ${request.symbol} ${request.timeframe}`,
    );
    if (page.time.length === 0) break; // nothing after `since`: the exchange has no more candles in range
    if (page.time[0]! > since) holes.push({ from: since, to: page.time[0]! });
    const written = await store.write(series, page, { refreshCoverage: false });
    stored += written.stored;
    fetched += written.stored;
    since = page.time[page.time.length - 1]! + intervalMs;
    await deps.onProgress?.({ fetched, expected });
  }
  await store.refreshCoverage(series);
  return {
    series,
    fetched,
    expected,
    stored,
    pages,
    retries,
    completed: !signal?.aborted,
    resumedFrom,
    holes,
  };
}
