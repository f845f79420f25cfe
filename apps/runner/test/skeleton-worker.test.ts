import { redisConnectionOptions } from "@tradegraph/config";
import { QUEUE_NAMES, type SkeletonJobData, type SkeletonResult } from "@tradegraph/contracts";
import {
  createTestDatabase,
  createTestRedis,
  type TestDatabase,
  type TestRedis,
} from "@tradegraph/db/testing";
import { Queue, QueueEvents, type Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSkeletonWorker } from "../src/index.ts";

describe("skeleton worker (real PostgreSQL and Redis)", () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let worker: Worker<SkeletonJobData, SkeletonResult>;
  let queue: Queue<SkeletonJobData, SkeletonResult>;
  let events: QueueEvents;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    const connection = redisConnectionOptions(redis.url);
    worker = createSkeletonWorker({ prisma: db.prisma, connection, prefix: redis.prefix });
    queue = new Queue(QUEUE_NAMES.skeleton, { connection, prefix: redis.prefix });
    events = new QueueEvents(QUEUE_NAMES.skeleton, { connection, prefix: redis.prefix });
    await Promise.all([worker.waitUntilReady(), events.waitUntilReady()]);
  });
  afterAll(async () => {
    await worker?.close();
    await queue?.close();
    await events?.close();
    await db?.drop();
    await redis?.cleanup();
  });

  it("reads the candle file, reports progress through Redis and records the result on the Run row", async () => {
    const run = await db.prisma.run.create({
      data: { kind: "skeleton", input: { symbol: "BTC/USDT", timeframe: "4h" } },
    });
    const progress: number[] = [];
    events.on("progress", ({ jobId, data }) => {
      if (jobId === run.id) progress.push(Number(data));
    });
    const job = await queue.add(
      "check",
      { runId: run.id, symbol: "BTC/USDT", timeframe: "4h" },
      { jobId: run.id },
    );
    const returned = await job.waitUntilFinished(events, 30_000);

    const row = await db.prisma.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(row.status).toBe("succeeded");
    expect(row.progress).toBe(100);
    expect(row.startedAt).toBeInstanceOf(Date);
    expect(row.finishedAt).toBeInstanceOf(Date);
    expect(row.result).toEqual(returned);
    // Documented in data/candles/README.md: 19052 rows, 2017-08-17T04:00Z .. 2026-04-30T00:00Z, 16 missing.
    expect(returned.rows).toBe(19052);
    expect(returned.file).toBe("binance_BTCUSDT_4h.csv.gz");
    expect(new Date(returned.firstCandleTime).toISOString()).toBe("2017-08-17T04:00:00.000Z");
    expect(returned.missingCandles).toBe(16);
    expect(progress.at(-1)).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it("marks the run failed with a reason when the candle file does not exist", async () => {
    const run = await db.prisma.run.create({ data: { kind: "skeleton", input: {} } });
    const job = await queue.add(
      "check",
      { runId: run.id, symbol: "NOPE/USDT", timeframe: "1h" },
      { jobId: run.id },
    );
    await expect(job.waitUntilFinished(events, 30_000)).rejects.toThrow(/binance_NOPEUSDT_1h\.csv\.gz/);
    const row = await db.prisma.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(row.status).toBe("failed");
    expect(row.error).toContain("ENOENT");
  });
});
