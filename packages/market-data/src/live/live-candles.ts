import { checkMarketAndTimeframe, type Exchange, exchangeNow, ohlcvPageLimit } from "../backfill/exchange.ts";
import { ohlcvToColumns } from "../backfill/ohlcv-rows.ts";
import { sleep as defaultSleep, isRetryable, type Sleep } from "../backfill/retry.ts";
import type { Candle } from "../candle-columns.ts";
import { candleAt } from "../candle-columns.ts";
import { bucketStart, timeframeMs } from "../timeframes.ts";
import { canWatchCandles, waitForNewCandleOnSocket } from "./websocket-wake.ts";

export type LiveStatus =
  | { state: "live"; lastClosed: number }
  /** The exchange failed; we keep retrying and will back-fill what closes meanwhile. */
  | { state: "disconnected"; error: string; retryInMs: number }
  /** Candles that closed while we were away, delivered before anything newer. */
  | { state: "catching-up"; missed: number }
  /** No (more) WebSocket: closes are detected by polling REST. */
  | { state: "polling"; reason: string };

export interface LiveCandleOptions {
  exchange: Exchange;
  symbol: string;
  timeframe: string;
  /** Open time of the newest candle the consumer already has; default: the last one closed at start. */
  after?: number;
  /** How often to ask the exchange whether a candle closed (REST polling). Default min(interval / 6, 10 s). */
  pollIntervalMs?: number;
  /** Backoff while the exchange fails: doubles from base to max (defaults 1 s and 30 s). */
  reconnectBaseMs?: number;
  reconnectMaxMs?: number;
  signal?: AbortSignal;
  onStatus?: (status: LiveStatus) => void;
  sleep?: Sleep;
  /** Use watchOHLCV (ccxt.pro clients) to learn of a close sooner; false = REST polling only. Default true. */
  webSocket?: boolean;
}

/**
 * Closed candles of one market as they close, in order, each exactly once. The exchange's clock says
 * when a candle closed; REST fetchOHLCV supplies its final values (also when a WebSocket wakes us),
 * and after a disconnect every candle closed meanwhile is fetched and delivered before newer ones.
 */
export async function* liveCandles(options: LiveCandleOptions): AsyncGenerator<Candle> {
  const { exchange, symbol, timeframe, signal } = options;
  const intervalMs = timeframeMs(timeframe);
  const pollMs = options.pollIntervalMs ?? Math.min(intervalMs / 6, 10_000);
  const wait = options.sleep ?? defaultSleep;
  const base = options.reconnectBaseMs ?? 1000;
  const max = options.reconnectMaxMs ?? 30_000;
  const limit = ohlcvPageLimit(exchange);
  let lastDelivered = options.after;
  let failures = 0;
  let wasDown = false;
  let socketUsable = (options.webSocket ?? true) && canWatchCandles(exchange);

  while (!signal?.aborted) {
    try {
      if (!exchange.markets) {
        // reload: ccxt would hand back the failed promise of an earlier attempt.
        await exchange.loadMarkets(true);
        checkMarketAndTimeframe(exchange, symbol, timeframe);
      }
      const now = await exchangeNow(exchange);
      const lastClosed = bucketStart(now, intervalMs) - intervalMs;
      lastDelivered ??= lastClosed;
      if (lastClosed > lastDelivered) {
        const missing = (lastClosed - lastDelivered) / intervalMs;
        if (wasDown || missing > 1) options.onStatus?.({ state: "catching-up", missed: missing });
        while (lastDelivered < lastClosed && !signal?.aborted) {
          const since: number = lastDelivered + intervalMs;
          const rows = await exchange.fetchOHLCV(symbol, timeframe, since, limit);
          const closed = rows.filter((row) => {
            const time = row[0];
            return typeof time === "number" && time >= since && time <= lastClosed;
          });
          const page = ohlcvToColumns(closed, intervalMs, `${exchange.id} ${symbol} ${timeframe}`);
          if (page.time.length === 0) break; // not published yet (or an outage gap): ask again next poll
          for (let i = 0; i < page.time.length; i++) {
            lastDelivered = page.time[i]!;
            yield candleAt(page, i);
            if (signal?.aborted) return;
          }
        }
      }
      if (wasDown || failures > 0) options.onStatus?.({ state: "live", lastClosed: lastDelivered });
      failures = 0;
      wasDown = false;
      const untilClose = bucketStart(now, intervalMs) + intervalMs - now;
      if (socketUsable) {
        // The socket says when the next candle opened; REST polling stays the fallback and the truth.
        const forming = bucketStart(now, intervalMs);
        socketUsable = await waitForNewCandleOnSocket(
          exchange,
          symbol,
          timeframe,
          forming,
          untilClose + pollMs,
          signal,
        );
        if (!socketUsable)
          options.onStatus?.({ state: "polling", reason: "the WebSocket failed; polling REST instead" });
      } else {
        await wait(Math.max(1, Math.min(pollMs, untilClose)), signal);
      }
    } catch (error) {
      if (!isRetryable(error)) throw error;
      const retryInMs = Math.min(max, base * 2 ** failures);
      failures++;
      wasDown = true;
      options.onStatus?.({ state: "disconnected", error: (error as Error).message, retryInMs });
      await wait(retryInMs, signal);
    }
  }
}
