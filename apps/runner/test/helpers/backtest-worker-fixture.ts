// A backtest worker on its own test database, candle store and Redis prefix, with the queue the server adds to.
import { redisConnectionOptions } from "@tradegraph/config";
import { type BacktestJobData, QUEUE_NAMES } from "@tradegraph/contracts";
import { createTestDatabase, createTestRedis } from "@tradegraph/db/testing";
import { CandleStore } from "@tradegraph/market-data";
import { Queue, QueueEvents } from "bullmq";
import { afterAll, beforeAll } from "vitest";
import { createBacktestWorker } from "../../src/index.ts";

/** One job at a time; locks long enough that no test run stalls. */
const workerSettings = {
  backtestConcurrency: 1,
  lockDurationMs: 30_000,
  stalledIntervalMs: 30_000,
  maxStalledCount: 1,
};

export async function startBacktestWorker() {
  const db = await createTestDatabase();
  const redis = createTestRedis();
  const store = CandleStore.open(db.url);
  const connection = redisConnectionOptions(redis.url);
  const worker = await createBacktestWorker({
    prisma: db.prisma,
    store,
    connection,
    prefix: redis.prefix,
    settings: workerSettings,
  });
  const queue = new Queue<BacktestJobData>(QUEUE_NAMES.backtests, { connection, prefix: redis.prefix });
  const events = new QueueEvents(QUEUE_NAMES.backtests, { connection, prefix: redis.prefix });
  await Promise.all([worker.worker.waitUntilReady(), events.waitUntilReady()]);
  const close = async () => {
    await worker.close();
    await queue.close();
    await events.close();
    await store.close();
    await db.drop();
    await redis.cleanup();
  };
  return { db, queue, events, close };
}

export type BacktestWorkerFixture = Awaited<ReturnType<typeof startBacktestWorker>>;

/** Starts the fixture before the file's tests and closes it after them; its fields are set once they start. */
export function useBacktestWorker(): BacktestWorkerFixture {
  const fixture = {} as BacktestWorkerFixture;
  beforeAll(async () => {
    Object.assign(fixture, await startBacktestWorker());
  });
  afterAll(async () => {
    await fixture.close?.();
  });
  return fixture;
}
