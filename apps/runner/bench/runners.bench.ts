// Scale-out: a batch of 100 backtests (SMA crossover, BTC/USDT 1h, one quarter each over 2018-2025, candles
// from the PostgreSQL store) completed by one runner process, then by two. Real processes, real Redis/PostgreSQL.
import { redisConnectionOptions } from "@tradegraph/config";
import { type BacktestJobData, QUEUE_NAMES } from "@tradegraph/contracts";
import { createTestDatabase, createTestRedis } from "@tradegraph/db/testing";
import { bundledFile, CandleStore, importCandleFile } from "@tradegraph/market-data";
import { Queue, QueueEvents } from "bullmq";
import { recordBench } from "../../../scripts/bench-record.mjs";
import { startRunnerProcess } from "../test/helpers/runner-process.ts";
import { createQueuedRun, exampleGraph, storedSettings } from "../test/helpers/runs.ts";

const JOBS = 100;
const db = await createTestDatabase();
const redis = createTestRedis();
const store = CandleStore.open(db.url);
await importCandleFile(store, bundledFile("BTC/USDT", "1h").path, {
  exchange: "binance",
  symbol: "BTC/USDT",
  timeframe: "1h",
});
await store.close();
const connection = redisConnectionOptions(redis.url);
const queue = new Queue<BacktestJobData>(QUEUE_NAMES.backtests, { connection, prefix: redis.prefix });
const events = new QueueEvents(QUEUE_NAMES.backtests, { connection, prefix: redis.prefix });
// One waitUntilFinished per job listens on the queue and its events at once.
queue.setMaxListeners(JOBS + 10);
events.setMaxListeners(JOBS + 10);
await events.waitUntilReady();
const graph = exampleGraph("sma-crossover");
const QUARTER = 91 * 86_400_000;

async function batch(processes: number): Promise<number> {
  const runners = Array.from({ length: processes }, () =>
    startRunnerProcess({
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX: redis.prefix,
      RUNNER_BACKTEST_CONCURRENCY: "1",
    }),
  );
  await Promise.all(runners.map((r) => r.ready));
  const jobs = [];
  for (let i = 0; i < JOBS; i++) {
    const from = Date.UTC(2018, 0, 1) + (i % 28) * QUARTER;
    const { runId, userId } = await createQueuedRun(
      db.prisma,
      graph,
      storedSettings({ from, to: from + QUARTER }),
    );
    jobs.push({ name: "run", data: { runId, ownerId: userId }, opts: { jobId: runId } });
  }
  const started = performance.now();
  const added = await queue.addBulk(jobs);
  await Promise.all(added.map((job) => job.waitUntilFinished(events, 600_000)));
  const seconds = (performance.now() - started) / 1000;
  for (const r of runners) r.child.kill("SIGTERM");
  await Promise.all(runners.map((r) => r.exited));
  return seconds;
}

try {
  const one = await batch(1);
  const two = await batch(2);
  recordBench({ name: "runner: 100 backtests, 1 process", unit: "s", value: Math.round(one * 100) / 100 });
  recordBench({
    name: "runner: 100 backtests, 2 processes (ratio = 2-process time / 1-process time)",
    unit: "s",
    value: Math.round(two * 100) / 100,
    baseline: Math.round(one * 100) / 100,
  });
} finally {
  await queue.close();
  await events.close();
  await db.drop();
  await redis.cleanup();
}
