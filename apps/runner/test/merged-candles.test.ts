import type { Candle } from "@tradegraph/market-data";
import { describe, expect, it } from "vitest";
import { mergeClosedCandles, mergeLiveCandles } from "../src/deployments/merged-candles.ts";

function candle(time: number, close = time): Candle {
  return { time, open: close, high: close, low: close, close, volume: 1 };
}

/** A stream the test feeds by hand, like a live candle stream that waits for the next close. */
function handFed() {
  const queue: (Candle | null)[] = [];
  let wake: (() => void) | null = null;
  async function* stream(): AsyncGenerator<Candle> {
    for (;;) {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const next = queue.shift()!;
      if (next === null) return;
      yield next;
    }
  }
  return {
    stream: stream(),
    push(item: Candle | null) {
      queue.push(item);
      wake?.();
      wake = null;
    },
  };
}

async function* fromList(candles: Candle[]): AsyncGenerator<Candle> {
  yield* candles;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("merging closed-candle streams into the portfolio clock", () => {
  it("gives one bar per open time in time order, leaving out a symbol with no candle then", async () => {
    const bars = [];
    const merged = mergeClosedCandles(
      new Map([
        ["BTC/USDT", fromList([candle(1), candle(2), candle(3), candle(4), candle(5)])],
        ["ETH/USDT", fromList([candle(2, 20), candle(4, 40), candle(6, 60)])],
      ]),
    );
    for await (const bar of merged) bars.push([bar.time, [...bar.candles.keys()]]);
    // BTC ends after 5: ETH's 6 is never released (its bar may still get a BTC candle).
    expect(bars).toEqual([
      [1, ["BTC/USDT"]],
      [2, ["BTC/USDT", "ETH/USDT"]],
      [3, ["BTC/USDT"]],
      [4, ["BTC/USDT", "ETH/USDT"]],
      [5, ["BTC/USDT"]],
    ]);
  });

  it("holds a bar back until every symbol has shown whether it has a candle at that time", async () => {
    const btc = handFed();
    const eth = handFed();
    const merged = mergeClosedCandles(
      new Map([
        ["BTC/USDT", btc.stream],
        ["ETH/USDT", eth.stream],
      ]),
    );
    const released: number[][] = [];
    const reading = (async () => {
      for await (const bar of merged)
        released.push([bar.time, ...[...bar.candles.values()].map((c) => c.close)]);
    })();
    btc.push(candle(1, 100));
    await settle();
    expect(released).toEqual([]); // ETH's candle 1 may still come
    eth.push(candle(1, 10));
    await settle();
    expect(released).toEqual([[1, 100, 10]]);
    // ETH has a gap at 2: bar 2 is known to be BTC-only once ETH's candle 3 arrives.
    btc.push(candle(2, 200));
    await settle();
    expect(released).toEqual([[1, 100, 10]]);
    eth.push(candle(3, 30));
    await settle();
    expect(released).toEqual([
      [1, 100, 10],
      [2, 200],
    ]);
    // A repeat (reconnect) is skipped.
    btc.push(candle(2, 200));
    btc.push(candle(3, 300));
    await settle();
    expect(released).toEqual([
      [1, 100, 10],
      [2, 200],
      [3, 300, 30],
    ]);
    btc.push(null);
    eth.push(null);
    await reading;
  });

  it("ends with the error of a failing stream", async () => {
    async function* failing(): AsyncGenerator<Candle> {
      yield candle(1);
      throw new Error("exchange said no");
    }
    const merged = mergeClosedCandles(
      new Map([
        ["BTC/USDT", failing()],
        ["ETH/USDT", fromList([candle(1), candle(2)])],
      ]),
    );
    const times: number[] = [];
    await expect(
      (async () => {
        for await (const bar of merged) times.push(bar.time);
      })(),
    ).rejects.toThrow("exchange said no");
    expect(times).toEqual([1]);
  });

  it("stops the other symbols' streams when one fails, so none keeps polling the exchange", async () => {
    const signals = new Map<string, AbortSignal>();
    async function* open(symbol: string, signal: AbortSignal): AsyncGenerator<Candle> {
      signals.set(symbol, signal);
      if (symbol === "ETH/USDT") throw new Error("ETH/USDT is not traded any more");
      // Polls until told to stop, like a live stream between closes.
      while (!signal.aborted) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const deployment = new AbortController();
    const bars = mergeLiveCandles(["BTC/USDT", "ETH/USDT"], open, deployment.signal);
    await expect(bars.next()).rejects.toThrow("ETH/USDT is not traded any more");
    expect(signals.get("BTC/USDT")!.aborted).toBe(true);
    expect(deployment.signal.aborted).toBe(false);
  });
});
