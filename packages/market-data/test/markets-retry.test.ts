// ccxt keeps a failed loadMarkets() promise and hands it back on the next call; a retry has to ask
// for a fresh load, or one lost exchangeInfo answer fails a whole backfill / stalls the live stream.
import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backfillCandles } from "../src/backfill/backfill.ts";
import { createExchange } from "../src/backfill/exchange.ts";
import { type Candle, candleAt, sliceColumns } from "../src/candle-columns.ts";
import { type ExchangeStub, startExchangeStub } from "../src/exchange-stub/index.ts";
import { liveCandles } from "../src/live/live-candles.ts";
import { CandleStore } from "../src/store/candle-store.ts";
import { bundledColumns } from "./helpers.ts";

const MINUTE = 60_000;
const start = Date.UTC(2025, 6, 15);
let db: TestDatabase;
let stub: ExchangeStub;
let minutes: Awaited<ReturnType<typeof bundledColumns>>;

beforeAll(async () => {
  db = await createTestDatabase();
  const all = await bundledColumns("BTC/USDT", "1m");
  const first = all.time.indexOf(start);
  if (first < 0) throw new Error("the bundled 1m candles do not cover the test day");
  minutes = sliceColumns(all, first, first + 120);
  stub = await startExchangeStub({ candles: { "BTC/USDT": { "1m": minutes } }, now: start + 100 * MINUTE });
});
afterAll(async () => {
  await stub?.stop();
  await db?.drop();
});

describe("loading markets after the exchange failed to answer", () => {
  it("a backfill retries exchangeInfo with a fresh request and completes", async () => {
    stub.clearFaults();
    stub.failNext(503, 2, "/exchangeInfo");
    const asked = () => stub.requests.filter((r) => r.path.endsWith("/exchangeInfo")).length;
    const before = asked();
    const store = CandleStore.open(db.pool);
    const result = await backfillCandles(
      { exchange: "binance", symbol: "BTC/USDT", timeframe: "1m", from: start, to: start + 60 * MINUTE },
      {
        store,
        exchange: createExchange("binance", stub.ccxtConfig()),
        retry: { baseDelayMs: 5, maxDelayMs: 20 },
      },
    );
    expect(asked() - before).toBe(3); // two 503s, then the answer
    expect(result).toMatchObject({ completed: true, fetched: 60, expected: 60, retries: 2 });
  });

  it("the live stream recovers once exchangeInfo answers again", async () => {
    stub.clearFaults();
    stub.setNow(start + 10 * MINUTE + 5_000);
    stub.failNext(503, 2, "/exchangeInfo");
    const abort = new AbortController();
    const delivered: Candle[] = [];
    const consuming = (async () => {
      for await (const candle of liveCandles({
        exchange: createExchange("binance", stub.ccxtConfig()),
        symbol: "BTC/USDT",
        timeframe: "1m",
        after: start + 7 * MINUTE,
        pollIntervalMs: 10,
        reconnectBaseMs: 5,
        reconnectMaxMs: 20,
        signal: abort.signal,
      })) {
        delivered.push(candle);
        if (delivered.length === 2) abort.abort();
      }
    })();
    const deadline = Date.now() + 10_000;
    while (delivered.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    abort.abort();
    await consuming;
    expect(delivered).toEqual([candleAt(minutes, 8), candleAt(minutes, 9)]);
  });
});
