import type { Exchange } from "../backfill/exchange.ts";

/**
 * Waits until the exchange's WebSocket shows a candle newer than `openTime` (so that one has closed),
 * or `maxWaitMs` passes. The pushed values are never delivered: the closed candle is then read through
 * REST, the exchange's final word. Resolves false when the socket fails, so the caller falls back to polling.
 */
export async function waitForNewCandleOnSocket(
  exchange: Exchange,
  symbol: string,
  timeframe: string,
  openTime: number,
  maxWaitMs: number,
  signal?: AbortSignal,
): Promise<boolean> {
  const deadline = Date.now() + maxWaitMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), maxWaitMs);
    signal?.addEventListener("abort", () => resolve("timeout"), { once: true });
  });
  try {
    while (Date.now() < deadline && !signal?.aborted) {
      const update = await Promise.race([exchange.watchOHLCV(symbol, timeframe), timeout]);
      if (update === "timeout") return true;
      const newest = update.at(-1)?.[0];
      if (typeof newest === "number" && newest > openTime) return true;
    }
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** True when this ccxt client can push candles (a ccxt.pro class with watchOHLCV). */
export function canWatchCandles(exchange: Exchange): boolean {
  return exchange.has["watchOHLCV"] === true;
}
