import ccxt from "ccxt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExchange } from "../src/backfill/exchange.ts";
import { type Candle, candleAt, sliceColumns } from "../src/candle-columns.ts";
import { type ExchangeStub, startExchangeStub } from "../src/exchange-stub/index.ts";
import { type LiveStatus, liveCandles } from "../src/live/live-candles.ts";
import { bundledColumns } from "./helpers.ts";

let stub: ExchangeStub;
let minutes: Awaited<ReturnType<typeof bundledColumns>>;
const start = Date.UTC(2025, 6, 1);

beforeAll(async () => {
  const all = await bundledColumns("BTC/USDT", "1m");
  const first = all.time.indexOf(start);
  minutes = sliceColumns(all, first, first + 240);
  stub = await startExchangeStub({
    candles: { "BTC/USDT": { "1m": minutes } },
    now: start + 10 * 60_000 + 15_000,
  });
});
afterAll(async () => {
  await stub?.stop();
});

/** Resolves once `predicate` holds, checking every few ms (the stream runs on its own). */
async function until(predicate: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe("live candle stream against the exchange stub", () => {
  it("delivers each closed candle once, in order, across a forced disconnect", async () => {
    const exchange = createExchange("binance", { ...stub.ccxtConfig(), timeout: 200 });
    const abort = new AbortController();
    const delivered: Candle[] = [];
    const statuses: LiveStatus["state"][] = [];
    const stream = liveCandles({
      exchange,
      symbol: "BTC/USDT",
      timeframe: "1m",
      after: start + 7 * 60_000, // the consumer already has candles up to 00:07
      pollIntervalMs: 10,
      reconnectBaseMs: 10,
      reconnectMaxMs: 40,
      signal: abort.signal,
      onStatus: (s) => statuses.push(s.state),
    });
    const consuming = (async () => {
      for await (const candle of stream) delivered.push(candle);
    })();

    // Catches up 00:08 and 00:09 (00:10 is still forming at 00:10:15).
    await until(() => delivered.length === 2, "the catch-up candles");
    for (let step = 0; step < 3; step++) {
      stub.advance(60_000);
      await until(() => delivered.length === 3 + step, `candle ${3 + step}`);
    }
    // Outage: errors, then no answer at all, while 5 candles close.
    stub.setDown(503);
    const before = stub.requests.length;
    await until(() => stub.requests.length > before + 2, "requests failing during the outage");
    stub.advance(5 * 60_000);
    stub.setDown(null);
    stub.hangNext(2);
    await until(() => delivered.length === 10, "the candles missed during the outage");
    stub.advance(60_000 + 30_000);
    await until(() => delivered.length === 11, "the first candle after the outage");
    abort.abort();
    await consuming;

    const expected = Array.from({ length: 11 }, (_, k) => candleAt(minutes, 8 + k));
    expect(delivered).toEqual(expected); // real values, consecutive, none twice
    expect(statuses).toContain("disconnected");
    expect(statuses.indexOf("catching-up", statuses.indexOf("disconnected"))).toBeGreaterThan(0);
    expect(statuses.at(-1)).toBe("live");
  });

  it("starts after the last closed candle by default and never yields the forming one", async () => {
    stub.setNow(start + 30 * 60_000 + 59_000);
    const exchange = createExchange("binance", stub.ccxtConfig());
    const abort = new AbortController();
    const delivered: Candle[] = [];
    const polls = () => stub.requests.filter((r) => r.path === "/api/v3/time").length;
    const pollsBefore = polls();
    const consuming = (async () => {
      for await (const candle of liveCandles({
        exchange,
        symbol: "BTC/USDT",
        timeframe: "5m",
        pollIntervalMs: 10,
        signal: abort.signal,
      })) {
        delivered.push(candle);
      }
    })();
    await until(() => polls() > pollsBefore + 3, "a few polls");
    expect(delivered).toEqual([]);
    stub.advance(4 * 60_000 + 1000); // 00:35:00 closes the 00:30 candle
    await until(() => delivered.length === 1, "the 00:30 five-minute candle");
    abort.abort();
    await consuming;
    expect(delivered[0]).toMatchObject({
      time: start + 30 * 60_000,
      open: minutes.open[30],
      close: minutes.close[34],
    });
  });

  it("falls back to REST polling when the WebSocket cannot connect", async () => {
    stub.setNow(start + 60 * 60_000 + 30_000);
    const config = stub.ccxtConfig() as { urls: { api: Record<string, string> } };
    // A ccxt.pro client (has watchOHLCV) whose stream host refuses connections.
    const exchange = new ccxt.pro.binance({
      ...config,
      urls: { api: { ...config.urls.api, ws: { spot: "ws://127.0.0.1:9/ws" } } },
    });
    expect(exchange.has["watchOHLCV"]).toBe(true);
    const abort = new AbortController();
    const delivered: Candle[] = [];
    const statuses: LiveStatus[] = [];
    const consuming = (async () => {
      const stream = liveCandles({
        exchange,
        symbol: "BTC/USDT",
        timeframe: "1m",
        pollIntervalMs: 10,
        signal: abort.signal,
        onStatus: (s) => statuses.push(s),
      });
      for await (const candle of stream) delivered.push(candle);
    })();
    await until(() => statuses.some((s) => s.state === "polling"), "the fallback to polling");
    stub.advance(2 * 60_000);
    await until(() => delivered.length === 2, "two candles by polling");
    abort.abort();
    await consuming;
    await exchange.close();
    expect(delivered).toEqual([candleAt(minutes, 60), candleAt(minutes, 61)]);
  });
});
