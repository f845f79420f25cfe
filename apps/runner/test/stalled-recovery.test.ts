import { redisConnectionOptions } from "@tradegraph/config";
import {
  type BacktestJobData,
  QUEUE_NAMES,
  RUNNER_HEARTBEAT_KEY,
  RUNNER_HEARTBEAT_STALE_MS,
} from "@tradegraph/contracts";
import {
  createTestDatabase,
  createTestRedis,
  type TestDatabase,
  type TestRedis,
} from "@tradegraph/db/testing";
import { runBacktest } from "@tradegraph/engine";
import { Queue, QueueEvents } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRunCandles } from "../src/backtests/load-candles.ts";
import { type RunnerProcess, startRunnerProcess } from "./helpers/runner-process.ts";
import { createQueuedRun, exampleGraph, storedSettings } from "./helpers/runs.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("a runner process killed mid-backtest (SIGKILL)", () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let queue: Queue<BacktestJobData>;
  let events: QueueEvents;
  const processes: RunnerProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    const connection = redisConnectionOptions(redis.url);
    queue = new Queue(QUEUE_NAMES.backtests, { connection, prefix: redis.prefix });
    events = new QueueEvents(QUEUE_NAMES.backtests, { connection, prefix: redis.prefix });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    for (const p of processes) if (p.child.exitCode === null) p.child.kill("SIGKILL");
    await queue?.close();
    await events?.close();
    await db?.drop();
    await redis?.cleanup();
  });

  it("is picked up by another runner once its lock expires and completes exactly once", async () => {
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX: redis.prefix,
      RUNNER_LOCK_DURATION_MS: "20000",
      RUNNER_STALLED_INTERVAL_MS: "1000",
    };
    const first = startRunnerProcess(env);
    processes.push(first);
    await first.ready;

    // Five pairs, every hour from 2018 to 2026: long enough to be killed while it runs.
    const stored = {
      ...storedSettings({ from: Date.UTC(2018, 0, 1), to: Date.UTC(2026, 0, 1) }),
      symbols: ["BTC/USDT", "ETH/USDT", "BNB/USDT", "XRP/USDT", "ADA/USDT"],
    };
    const graph = exampleGraph("sma-crossover");
    const { runId, userId } = await createQueuedRun(db.prisma, graph, stored);
    const completions: string[] = [];
    events.on("completed", ({ jobId }) => completions.push(jobId));
    const job = await queue.add("run", { runId, ownerId: userId }, { jobId: runId, attempts: 1 });

    // Kill the first runner as soon as it has claimed the run (row `running`, job active and locked).
    for (let i = 0; i < 600; i++) {
      const row = await db.prisma.backtestRun.findUniqueOrThrow({ where: { id: runId } });
      if (row.status === "running") break;
      await sleep(50);
    }
    expect(await job.getState()).toBe("active");
    first.child.kill("SIGKILL");
    expect(await first.exited).toBeNull();
    const killed = await db.prisma.backtestRun.findUniqueOrThrow({ where: { id: runId } });
    expect(killed.status).toBe("running");
    const firstClaim = killed.startedAt!;

    const second = startRunnerProcess(env);
    processes.push(second);
    await second.ready;
    // The live runner beats: the server reads this key to mark deployments healthy.
    const reader = new Redis(redisConnectionOptions(redis.url));
    const beat = await reader.get(`${redis.prefix}:${RUNNER_HEARTBEAT_KEY}`);
    reader.disconnect();
    expect(Date.now() - Date.parse(beat ?? "")).toBeLessThan(RUNNER_HEARTBEAT_STALE_MS);
    const returned = (await job.waitUntilFinished(events, 120_000)) as { trades: number; status: string };

    const expected = runBacktest({
      candles: await loadRunCandles(null, stored),
      graph,
      settings: stored.settings,
    });
    expect(returned.status).toBe("succeeded");
    expect(returned.trades).toBe(expected.trades.length);
    const row = await db.prisma.backtestRun.findUniqueOrThrow({ where: { id: runId } });
    expect(row.status).toBe("succeeded");
    expect((row.metrics as { totalReturn: number }).totalReturn).toBe(expected.metrics.totalReturn);
    // Give a duplicate the chance to show up before counting.
    await sleep(3000);
    expect(completions.filter((id) => id === runId)).toHaveLength(1);
    // The survivor claimed the run again (startedAt is set on every claim) and finished it.
    expect(row.startedAt!.getTime()).toBeGreaterThan(firstClaim.getTime());
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  }, 240_000);
});
