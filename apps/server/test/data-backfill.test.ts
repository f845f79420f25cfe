// data.startBackfill → the runner's real backfill worker (real ccxt against the exchange stub) →
// progress over Redis → data.backfillProgress; candles land in the store. Nothing is mocked.
import { redisConnectionOptions } from "@tradegraph/config";
import type { BackfillView } from "@tradegraph/contracts";
import {
  bundledFile,
  type CandleColumns,
  type CandleStore,
  createExchange,
  readCandleFile,
  sliceColumns,
} from "@tradegraph/market-data";
import { type ExchangeStub, startExchangeStub } from "@tradegraph/market-data/exchange-stub";
import { createBackfillWorker } from "@tradegraph/runner";
import type { Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachCandleStore } from "../src/domain/data/candle-store.ts";
import { expectAppError, expectInputError } from "./helpers/errors.ts";
import { type Caller, createHarness, type Harness } from "./helpers/harness.ts";

const HOUR = 3_600_000;
const start = Date.UTC(2024, 0, 1);
const hours = 2500; // three ccxt pages of at most 1000 candles
const series = { exchange: "binance" as const, symbol: "BTC/USDT", timeframe: "1h" as const };

let h: Harness;
let store: CandleStore;
let stub: ExchangeStub;
let served: CandleColumns;
let worker: Worker | undefined;
let trader: Caller;
let stranger: Caller;

beforeAll(async () => {
  h = await createHarness();
  store = attachCandleStore(h.deps, h.db.pool);
  const file = await readCandleFile(bundledFile("BTC/USDT", "1h").path, { timeframe: "1h" });
  if (!file.ok) throw new Error("bundled BTC/USDT 1h candles do not parse");
  const first = file.candles.time.indexOf(start);
  served = sliceColumns(file.candles, first, first + hours);
  stub = await startExchangeStub({ candles: { "BTC/USDT": { "1h": served } }, now: start + hours * HOUR });
  trader = (await h.signUp()).caller;
  stranger = (await h.signUp()).caller;
}, 120_000);
afterAll(async () => {
  await worker?.close();
  await stub?.stop();
  await store?.close();
  await h?.close();
});

/** The runner's backfill worker, its ccxt clients pointed at the stub through its options. */
function startRunnerWorker() {
  worker ??= createBackfillWorker({
    store: h.db.url,
    connection: redisConnectionOptions(h.redis.url),
    prefix: h.redis.prefix,
    settings: {
      backfillConcurrency: 1,
      lockDurationMs: 30_000,
      stalledIntervalMs: 30_000,
      maxStalledCount: 1,
    },
    exchangeFor: (id) => createExchange(id, stub.ccxtConfig()),
  }) as unknown as Worker;
}

async function collect(stream: AsyncIterable<BackfillView>, onFirst?: () => void): Promise<BackfillView[]> {
  const views: BackfillView[] = [];
  for await (const view of stream) {
    views.push(view);
    if (views.length === 1) onFirst?.();
  }
  return views;
}

describe("data.startBackfill limits", () => {
  // Runs before any worker exists, so the jobs stay queued.
  it("refuses a fourth queued backfill of one trader (CONFLICT), not another trader's first", async () => {
    const busy = (await h.signUp()).caller;
    const queued: string[] = [];
    for (let i = 0; i < 3; i++) {
      const view = await busy.data.startBackfill({ ...series, from: start, to: start + (i + 1) * HOUR });
      queued.push(view.jobId);
    }
    const error = await expectAppError(
      busy.data.startBackfill({ ...series, from: start, to: start + 9 * HOUR }),
      "CONFLICT",
    );
    expect(error.message).toMatch(/already have 3 backfills queued or running/);
    expect((await busy.data.backfills()).map((b) => b.jobId)).toEqual([...queued].reverse());
    const other = (await h.signUp()).caller;
    const theirs = await other.data.startBackfill({ ...series, from: start, to: start + HOUR });
    // Leave the queue empty for the tests below.
    for (const jobId of [...queued, theirs.jobId]) await h.deps.queues.backfills.remove(jobId);
  });
});

describe("data.startBackfill + data.backfillProgress", () => {
  it("streams monotone progress from the runner and stores exactly the exchange's candles", async () => {
    const started = await trader.data.startBackfill({ ...series, from: start, to: start + hours * HOUR });
    expect(started).toMatchObject({ state: "queued", fetched: 0, expected: 0, stored: null, error: null });

    // The worker starts only once the stream is open: progress must travel runner → Redis → stream.
    const views = await collect(
      await trader.data.backfillProgress({ jobId: started.jobId }),
      startRunnerWorker,
    );

    expect(views[0]).toMatchObject({ jobId: started.jobId, state: "queued" });
    // Once the runner has asked the exchange's clock it knows `expected`; then one report per page.
    const running = views.filter((v) => v.state === "running" && v.expected > 0);
    expect(running.map((v) => v.fetched)).toEqual([0, 1000, 2000, 2500]);
    for (let i = 1; i < views.length; i++)
      expect(views[i]!.fetched).toBeGreaterThanOrEqual(views[i - 1]!.fetched);
    expect(running.every((v) => v.expected === hours)).toBe(true);
    expect(views.filter((v) => v.state === "running" && v.expected === 0).length).toBeLessThanOrEqual(1);
    expect(views.at(-1)).toMatchObject({
      state: "succeeded",
      fetched: hours,
      expected: hours,
      stored: hours,
      error: null,
    });

    const stored = await store.read(series, { from: start, to: start + hours * HOUR });
    expect(stored.time.length).toBe(hours);
    for (const field of ["time", "open", "high", "low", "close", "volume"] as const) {
      expect(Array.from(stored[field])).toEqual(Array.from(served[field]));
    }
    const coverage = await trader.data.coverage({ exchange: "binance", symbol: "BTC/USDT" });
    expect(coverage).toEqual([
      expect.objectContaining({
        timeframe: "1h",
        first: start,
        last: start + (hours - 1) * HOUR,
        rows: hours,
      }),
    ]);

    const listed = await trader.data.backfills();
    expect(listed[0]).toMatchObject({ jobId: started.jobId, state: "succeeded", stored: hours });
    const audit = await trader.audit.list({ limit: 10 });
    expect(audit.find((e) => e.subjectId === started.jobId)).toMatchObject({
      action: "data.backfillStarted",
      subjectType: "backfill",
      details: { exchange: "binance", symbol: "BTC/USDT", timeframe: "1h", from: start },
    });
  });

  it("another user can neither watch, read nor list someone else's backfill (NOT_FOUND)", async () => {
    const { jobId } = await trader.data.startBackfill({ ...series, from: start, to: start + 10 * HOUR });
    startRunnerWorker();
    await expectAppError(
      (async () => {
        for await (const _ of await stranger.data.backfillProgress({ jobId })) {
          /* must not yield anything */
        }
      })(),
      "NOT_FOUND",
    );
    await expectAppError(stranger.data.backfill({ jobId }), "NOT_FOUND");
    expect(await stranger.data.backfills()).toEqual([]);
    // The owner still sees it finish (a re-run of stored candles stores nothing new).
    const views = await collect(await trader.data.backfillProgress({ jobId }));
    expect(views.at(-1)).toMatchObject({ state: "succeeded", fetched: 10, expected: 10 });
  });

  it("a market the exchange does not list ends the stream failed, with the runner's reason", async () => {
    startRunnerWorker();
    const { jobId } = await trader.data.startBackfill({
      ...series,
      symbol: "DOGE/BTC",
      from: start,
      to: start + 10 * HOUR,
    });
    const views = await collect(await trader.data.backfillProgress({ jobId }));
    expect(views.at(-1)).toMatchObject({ state: "failed", stored: null });
    expect(views.at(-1)!.error).toMatch(/binance has no market DOGE\/BTC/);
  });
});

describe("data.startBackfill input", () => {
  const ok = { ...series, from: start, to: start + 10 * HOUR };
  const messageOf = async (input: Record<string, unknown>) =>
    (await expectInputError(trader.data.startBackfill(input as typeof ok))).message;

  it("refuses an exchange outside Binance, Binance US and Kraken", async () => {
    expect(await messageOf({ ...ok, exchange: "bitmex" })).toMatch(/Binance, Binance US, Kraken/);
  });
  it("refuses an unknown timeframe", async () => {
    expect(await messageOf({ ...ok, timeframe: "7m" })).toMatch(/Unknown timeframe/);
  });
  it("refuses a range whose end is not after its start", async () => {
    expect(await messageOf({ ...ok, to: ok.from })).toMatch(/end date must be after the start date/);
  });
  it("refuses a range too large for one backfill, saying how many candles it holds", async () => {
    const message = await messageOf({ ...ok, timeframe: "1m", to: start + 3 * 365 * 86_400_000 });
    expect(message).toMatch(/1,576,800 1m candles/);
  });
  it("refuses a start date in the future", async () => {
    const future = Date.now() + 86_400_000;
    const error = await expectAppError(
      trader.data.startBackfill({ ...ok, from: future, to: future + HOUR }),
      "VALIDATION_FAILED",
    );
    expect(error.message).toMatch(/in the future/);
    expect(await trader.data.backfills()).not.toContainEqual(expect.objectContaining({ from: future }));
  });
});
