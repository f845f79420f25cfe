import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";
import ccxt from "ccxt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BackfillProgress, backfillCandles } from "../src/backfill/backfill.ts";
import { createExchange } from "../src/backfill/exchange.ts";
import { sliceColumns } from "../src/candle-columns.ts";
import { type ExchangeStub, startExchangeStub } from "../src/exchange-stub/index.ts";
import { resample } from "../src/resample.ts";
import { CandleStore } from "../src/store/candle-store.ts";
import { bundledColumns, firstDifference } from "./helpers.ts";

let db: TestDatabase;
let store: CandleStore;
let stub: ExchangeStub;
let minutes: Awaited<ReturnType<typeof bundledColumns>>;
const start = Date.UTC(2025, 4, 20);
const now = start + 3 * 86_400_000 + 30 * 60_000 + 30_000; // 3 days, 30.5 minutes in
const fastRetry = { baseDelayMs: 5, maxDelayMs: 20 };

beforeAll(async () => {
  db = await createTestDatabase();
  store = CandleStore.open(db.pool);
  minutes = sliceColumns(await bundledColumns("BTC/USDT", "1m"), 0, 4 * 1440);
  stub = await startExchangeStub({ candles: { "BTC/USDT": { "1m": minutes } }, now });
});
afterAll(async () => {
  await stub?.stop();
  await store?.close();
  await db?.drop();
});

const binance = () => createExchange("binance", { ...stub.ccxtConfig(), timeout: 300 });
const key = (timeframe: string) => ({ exchange: "binance", symbol: "BTC/USDT", timeframe });

describe("backfill through ccxt against the exchange stub", () => {
  it("interrupted midway and restarted, ends with exactly the stub's closed candles", async () => {
    const abort = new AbortController();
    const progress: BackfillProgress[] = [];
    const first = await backfillCandles(
      { ...key("1m"), from: start },
      {
        store,
        exchange: binance(),
        signal: abort.signal,
        onProgress: (p) => {
          progress.push(p);
          if (p.fetched >= 2000) abort.abort();
        },
      },
    );
    expect(first).toMatchObject({
      completed: false,
      fetched: 2000,
      expected: 3 * 1440 + 30,
      stored: 2000,
      pages: 2,
    });
    expect(progress.map((p) => p.fetched)).toEqual([0, 1000, 2000]);

    const resumed: BackfillProgress[] = [];
    const second = await backfillCandles(
      { ...key("1m"), from: start },
      { store, exchange: binance(), onProgress: (p) => void resumed.push(p) },
    );
    expect(second).toMatchObject({
      completed: true,
      resumedFrom: start + 2000 * 60_000,
      stored: 2350,
      fetched: 4350,
    });
    expect(resumed.map((p) => p.fetched)).toEqual([2000, 3000, 4000, 4350]);
    expect(resumed.at(-1)).toEqual({ fetched: 4350, expected: 4350 });

    // Exactly the stub's candles: every closed minute, none of the forming 00:30 one, nothing twice.
    const stored = await store.read(key("1m"));
    expect(firstDifference(stored, sliceColumns(minutes, 0, 4350))).toBeNull();
    const [coverage] = await store.coverage(key("1m"));
    expect(coverage).toMatchObject({ rows: 4350, gaps: 0, last: start + 4349 * 60_000 });
  });

  it("a third run finds nothing left to fetch", async () => {
    const again = await backfillCandles({ ...key("1m"), from: start }, { store, exchange: binance() });
    expect(again).toMatchObject({ completed: true, stored: 0, fetched: 4350, pages: 0 });
  });

  it("injected 429s, 5xx and timeouts only slow it down", async () => {
    stub.failNext(429, 2, "/klines");
    stub.hangNext(1, "/klines");
    stub.failNext(503, 1, "/klines");
    const waits: number[] = [];
    const result = await backfillCandles(
      { ...key("5m"), from: start },
      { store, exchange: binance(), retry: fastRetry, onRetry: (_e, ms) => waits.push(ms) },
    );
    expect(result).toMatchObject({
      completed: true,
      retries: 4,
      fetched: 3 * 288 + 6,
      expected: 3 * 288 + 6,
    });
    expect(waits).toEqual([5, 10, 20, 20]); // exponential, capped
    const expected = resample(minutes, "1m", "5m").candles;
    expect(firstDifference(await store.read(key("5m")), sliceColumns(expected, 0, 3 * 288 + 6))).toBeNull();
    const statuses = stub.requests.filter((r) => r.path.endsWith("/klines")).map((r) => r.status);
    expect(statuses.slice(-5)).toEqual([429, 429, "hang", 503, 200]);
  });

  it("gives up after the retry budget with a message naming the series", async () => {
    stub.failNext(503, 5, "/klines");
    const failing = backfillCandles(
      { ...key("15m"), from: start },
      { store, exchange: binance(), retry: { ...fastRetry, maxAttempts: 3 } },
    );
    await expect(failing).rejects.toThrow(
      /^binance BTC\/USDT 15m: fetching candles since 2025-05-20T00:00:00.000Z failed after 3 attempts/,
    );
    await expect(failing.catch((e) => e.cause)).resolves.toBeInstanceOf(ccxt.ExchangeNotAvailable);
    stub.clearFaults();
  });

  it("fails fast on a market the exchange does not have", async () => {
    await expect(
      backfillCandles({ ...key("1h"), symbol: "ETH/BTC", from: start }, { store, exchange: binance() }),
    ).rejects.toThrow("binance has no market ETH/BTC");
  });

  it("stops at `to` and stores only closed candles of higher timeframes", async () => {
    const result = await backfillCandles(
      { ...key("1h"), from: start, to: start + 86_400_000 },
      { store, exchange: binance() },
    );
    expect(result).toMatchObject({ fetched: 24, expected: 24 });
    const daily = await backfillCandles({ ...key("1d"), from: start }, { store, exchange: binance() });
    expect(daily).toMatchObject({ fetched: 3, expected: 3 }); // day 4 is still forming at `now`
  });

  it("reports the range the exchange has no candles for instead of inventing them", async () => {
    const before = start - 3 * 3_600_000;
    const result = await backfillCandles(
      { ...key("30m"), from: before, to: start + 3_600_000 },
      { store, exchange: binance() },
    );
    expect(result).toMatchObject({ fetched: 2, expected: 8, holes: [{ from: before, to: start }] });
    const [coverage] = await store.coverage(key("30m"));
    expect(coverage).toMatchObject({ first: start, rows: 2 });
  });
});
