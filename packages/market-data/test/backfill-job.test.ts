import { redisConnectionOptions } from "@tradegraph/config";
import {
  createTestDatabase,
  createTestRedis,
  type TestDatabase,
  type TestRedis,
} from "@tradegraph/db/testing";
import { type Job, Queue, QueueEvents, Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BackfillResult } from "../src/backfill/backfill.ts";
import { createExchange } from "../src/backfill/exchange.ts";
import { BACKFILL_QUEUE_NAME, type BackfillJobData, processBackfillJob } from "../src/backfill/job.ts";
import { sliceColumns } from "../src/candle-columns.ts";
import { type ExchangeStub, startExchangeStub } from "../src/exchange-stub/index.ts";
import { CandleStore } from "../src/store/candle-store.ts";
import { bundledColumns, firstDifference } from "./helpers.ts";

let db: TestDatabase;
let redis: TestRedis;
let stub: ExchangeStub;
let minutes: Awaited<ReturnType<typeof bundledColumns>>;
const start = Date.UTC(2025, 5, 1);

beforeAll(async () => {
  db = await createTestDatabase();
  redis = createTestRedis();
  const all = await bundledColumns("BTC/USDT", "1m");
  const first = all.time.indexOf(start);
  minutes = sliceColumns(all, first, first + 2 * 1440);
  stub = await startExchangeStub({ candles: { "BTC/USDT": { "1m": minutes } }, now: start + 2 * 86_400_000 });
});
afterAll(async () => {
  await stub?.stop();
  await redis?.cleanup();
  await db?.drop();
});

describe("backfill as a BullMQ job", () => {
  it("reports progress (fetched / expected) through BullMQ and stores the stub's candles", async () => {
    const connection = redisConnectionOptions(redis.url);
    const queue = new Queue<BackfillJobData>(BACKFILL_QUEUE_NAME, { connection, prefix: redis.prefix });
    const events = new QueueEvents(BACKFILL_QUEUE_NAME, { connection, prefix: redis.prefix });
    const worker = new Worker<BackfillJobData, BackfillResult>(
      BACKFILL_QUEUE_NAME,
      (job: Job) =>
        processBackfillJob(job, {
          store: db.url,
          exchangeFor: (id) => createExchange(id, stub.ccxtConfig()),
        }),
      { connection, prefix: redis.prefix },
    );
    try {
      await events.waitUntilReady();
      const progress: unknown[] = [];
      events.on("progress", ({ data }) => progress.push(data));
      const job = await queue.add("backfill", {
        exchange: "binance",
        symbol: "BTC/USDT",
        timeframe: "1m",
        from: start,
      });
      const result = await job.waitUntilFinished(events);
      expect(result).toMatchObject({ completed: true, fetched: 2880, expected: 2880, pages: 3 });
      expect(progress).toEqual([
        { fetched: 0, expected: 2880 },
        { fetched: 1000, expected: 2880 },
        { fetched: 2000, expected: 2880 },
        { fetched: 2880, expected: 2880 },
      ]);
      const store = CandleStore.open(db.pool);
      expect(
        firstDifference(
          await store.read({ exchange: "binance", symbol: "BTC/USDT", timeframe: "1m" }),
          minutes,
        ),
      ).toBeNull();
    } finally {
      await worker.close();
      await events.close();
      await queue.close();
    }
  });

  it("rejects job data that names no valid series", async () => {
    const job = {
      data: { exchange: "binance", symbol: "btc-usdt", timeframe: "7m", from: start },
      updateProgress: async () => {},
    };
    await expect(processBackfillJob(job, { store: db.url })).rejects.toThrow(
      /symbol looks like BTC\/USDT[\s\S]*unknown timeframe/,
    );
  });
});
