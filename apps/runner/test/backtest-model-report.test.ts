import { redisConnectionOptions } from "@tradegraph/config";
import {
  type BacktestJobData,
  decodeRunResult,
  modelReportsSchema,
  QUEUE_NAMES,
} from "@tradegraph/contracts";
import {
  createTestDatabase,
  createTestRedis,
  type TestDatabase,
  type TestRedis,
} from "@tradegraph/db/testing";
import { runBacktest } from "@tradegraph/engine";
import { CandleStore } from "@tradegraph/market-data";
import { GraphBuilder } from "@tradegraph/nodes";
import { Queue, QueueEvents } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRunCandles } from "../src/backtests/load-candles.ts";
import { createBacktestWorker } from "../src/index.ts";
import { createQueuedRun, storedSettings, YEAR_2024 } from "./helpers/runs.ts";

function mlGraph() {
  const b = new GraphBuilder("ML predictor");
  b.add("data.candles", {}, {}, "candles");
  b.add("data.price", { field: "close" }, { candles: "candles.candles" }, "close");
  b.add("indicator.rsi", { period: 14 }, { source: "close.value" }, "rsi");
  b.add("math.percentChange", { bars: 24 }, { source: "close.value" }, "change24");
  b.add(
    "ml.predictor",
    { model: "logistic", horizon: 4, trainBars: 500, retrainEvery: 168 },
    { features: ["rsi.value", "change24.value"], candles: "candles.candles" },
    "predictor",
  );
  b.add("logic.compare", { operator: ">", value: 0.55 }, { a: "predictor.probability" }, "bullish");
  b.add("risk.maxPositionSize", { maxPercent: 100 }, {}, "cap");
  b.add("order.enterLong", {}, { when: "bullish.result", risk: "cap.risk" }, "buy");
  return b.build();
}

describe("the stored backtest result carries the ML predictor report (real PostgreSQL, Redis, BullMQ)", () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let store: CandleStore;
  let worker: Awaited<ReturnType<typeof createBacktestWorker>>;
  let queue: Queue<BacktestJobData>;
  let events: QueueEvents;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    store = CandleStore.open(db.url);
    const connection = redisConnectionOptions(redis.url);
    worker = await createBacktestWorker({
      prisma: db.prisma,
      store,
      connection,
      prefix: redis.prefix,
      settings: {
        backtestConcurrency: 1,
        lockDurationMs: 30_000,
        stalledIntervalMs: 30_000,
        maxStalledCount: 1,
      },
    });
    queue = new Queue(QUEUE_NAMES.backtests, { connection, prefix: redis.prefix });
    events = new QueueEvents(QUEUE_NAMES.backtests, { connection, prefix: redis.prefix });
    await Promise.all([worker.worker.waitUntilReady(), events.waitUntilReady()]);
  });
  afterAll(async () => {
    await worker?.close();
    await queue?.close();
    await events?.close();
    await store?.close();
    await db?.drop();
    await redis?.cleanup();
  });

  it("2024 BTC/USDT 1h: the gzip'd result row holds the engine's report for the predictor node", async () => {
    const graph = mlGraph();
    const stored = storedSettings(YEAR_2024);
    const { runId, userId } = await createQueuedRun(db.prisma, graph, stored);
    const job = await queue.add("run", { runId, ownerId: userId }, { jobId: runId, attempts: 1 });
    await job.waitUntilFinished(events, 120_000);

    const row = await db.prisma.backtestRun.findUniqueOrThrow({ where: { id: runId } });
    expect(row.status).toBe("succeeded");
    const decoded = decodeRunResult(row.result!) as { models: unknown };
    const models = modelReportsSchema.parse(decoded.models);
    const report = models["predictor"]!["BTC/USDT"]!;
    expect(report.featureSources).toEqual([
      { node: "rsi", port: "value" },
      { node: "change24", port: "value" },
    ]);
    expect(report.windows.length).toBeGreaterThan(40);
    expect(report.overall.count).toBeGreaterThan(8000);

    const expected = runBacktest({
      candles: await loadRunCandles(null, stored),
      graph,
      settings: stored.settings,
    });
    expect(models).toEqual(JSON.parse(JSON.stringify(expected.models)));
  });
});
