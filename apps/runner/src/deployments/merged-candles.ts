// Several symbols' closed-candle streams merged into the portfolio clock the backtest steps
// (engine timeline.ts unionTimeline + replay.ts): one bar per open time, carrying every symbol that has
// a candle at that time, in time order.
import type { Candle } from "@tradegraph/market-data";

/** The closed candles of one open time; a traded symbol missing here had no candle then (an exchange gap). */
export interface ClosedBar {
  time: number;
  candles: Map<string, Candle>;
}

/**
 * Bar T is released once every symbol's stream has delivered a candle at or after T: only then is it
 * known which symbols have a candle at T. A symbol whose next candle is later had a gap at T and sits
 * out of bar T, as in the backtest (so a gap holds the other symbols back until that symbol's next
 * candle closes). Ends when any stream ends (the deployment stopped); candles already read but not yet
 * released are dropped (the strategy never saw them). A stream's error ends the merge with that error.
 */
export async function* mergeClosedCandles(
  streams: ReadonlyMap<string, AsyncIterator<Candle>>,
): AsyncGenerator<ClosedBar> {
  const next = new Map<string, Candle>();
  const lastTime = new Map<string, number>();
  try {
    for (;;) {
      // Every symbol needs its next candle before the earliest open time among them is known.
      while (next.size < streams.size) {
        const waiting = [...streams].filter(([symbol]) => !next.has(symbol));
        const results = await Promise.all(waiting.map(([, stream]) => stream.next()));
        for (let k = 0; k < waiting.length; k++) {
          const result = results[k]!;
          if (result.done) return;
          const symbol = waiting[k]![0];
          // A repeat (a reconnect delivering a candle again) is skipped: the next read waits for a newer one.
          if (result.value.time <= (lastTime.get(symbol) ?? Number.NEGATIVE_INFINITY)) continue;
          lastTime.set(symbol, result.value.time);
          next.set(symbol, result.value);
        }
      }
      let time = Number.POSITIVE_INFINITY;
      for (const candle of next.values()) time = Math.min(time, candle.time);
      const candles = new Map<string, Candle>();
      // Symbol order of the deployment, so the bar reads like the backtest's.
      for (const symbol of streams.keys()) {
        const candle = next.get(symbol);
        if (candle?.time === time) {
          candles.set(symbol, candle);
          next.delete(symbol);
        }
      }
      yield { time, candles };
    }
  } finally {
    // Streams still polling are told to finish; their pending reads end with the deployment's signal.
    for (const stream of streams.values()) void stream.return?.()?.catch(() => {});
  }
}

/**
 * One live stream per symbol, merged. Every stream gets a signal that also ends with the merge (a stream
 * failed, or the consumer stopped reading), so no stream keeps polling the exchange for a finished deployment.
 */
export async function* mergeLiveCandles(
  symbols: readonly string[],
  open: (symbol: string, signal: AbortSignal) => AsyncIterator<Candle>,
  signal: AbortSignal,
): AsyncGenerator<ClosedBar> {
  const ended = new AbortController();
  const streamSignal = AbortSignal.any([signal, ended.signal]);
  try {
    yield* mergeClosedCandles(new Map(symbols.map((symbol) => [symbol, open(symbol, streamSignal)])));
  } finally {
    ended.abort();
  }
}
