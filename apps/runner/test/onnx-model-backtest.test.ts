import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { redisConnectionOptions } from "@tradegraph/config";
import { type BacktestJobData, decodeRunResult, QUEUE_NAMES } from "@tradegraph/contracts";
import {
  createTestDatabase,
  createTestRedis,
  type TestDatabase,
  type TestRedis,
} from "@tradegraph/db/testing";
import { runBacktest } from "@tradegraph/engine";
import { installOnnxRuntime } from "@tradegraph/ml-onnx";
import { onnxStrategyGraph, onnxStrategyModel } from "@tradegraph/ml-onnx/testing";
import { setModelRuntime } from "@tradegraph/nodes";
import { Queue, QueueEvents } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRunCandles } from "../src/backtests/load-candles.ts";
import { type RunnerProcess, startRunnerProcess } from "./helpers/runner-process.ts";
import { createQueuedRun, storedSettings } from "./helpers/runs.ts";

describe("a runner process backtests a strategy whose predictor is an ONNX file in MODELS_DIR", () => {
  const models = mkdtempSync(join(tmpdir(), "tg-runner-models-"));
  const outside = join(models, "..", `${basename(models)}-outside.onnx`);
  const stored = storedSettings({ from: Date.UTC(2024, 0, 1), to: Date.UTC(2024, 6, 1) });
  let db: TestDatabase;
  let redis: TestRedis;
  let queue: Queue<BacktestJobData>;
  let events: QueueEvents;
  let runner: RunnerProcess | undefined;

  beforeAll(async () => {
    mkdirSync(join(models, "btc"));
    writeFileSync(join(models, "btc", "change.onnx"), onnxStrategyModel());
    writeFileSync(outside, onnxStrategyModel());
    db = await createTestDatabase();
    redis = createTestRedis();
    const connection = redisConnectionOptions(redis.url);
    queue = new Queue(QUEUE_NAMES.backtests, { connection, prefix: redis.prefix });
    events = new QueueEvents(QUEUE_NAMES.backtests, { connection, prefix: redis.prefix });
    await events.waitUntilReady();
    runner = startRunnerProcess({
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX: redis.prefix,
      MODELS_DIR: models,
    });
    await runner.ready;
  });
  afterAll(async () => {
    if (runner && runner.child.exitCode === null) {
      runner.child.kill("SIGTERM");
      await runner.exited;
    }
    setModelRuntime(null);
    await queue?.close();
    await events?.close();
    await db?.drop();
    await redis?.cleanup();
    for (const path of [models, outside]) rmSync(path, { recursive: true, force: true });
  });

  async function backtest(modelFile: string) {
    const { runId, userId } = await createQueuedRun(db.prisma, onnxStrategyGraph(modelFile), stored);
    const job = await queue.add("run", { runId, ownerId: userId }, { jobId: runId, attempts: 1 });
    await job.waitUntilFinished(events, 120_000).catch(() => undefined);
    return db.prisma.backtestRun.findUniqueOrThrow({ where: { id: runId } });
  }

  it("completes with the trades and predictor report of the same model run here", async () => {
    const row = await backtest("btc/change.onnx");
    expect(row.error).toBeNull();
    expect(row.status).toBe("succeeded");
    const decoded = decodeRunResult(row.result!) as { models: unknown; trades: unknown[] };

    installOnnxRuntime(models);
    const expected = runBacktest({
      candles: await loadRunCandles(null, stored),
      graph: onnxStrategyGraph("btc/change.onnx"),
      settings: stored.settings,
    });
    expect(expected.trades.length).toBeGreaterThan(5);
    expect(decoded.trades).toHaveLength(expected.trades.length);
    expect(decoded.models).toEqual(JSON.parse(JSON.stringify(expected.models)));
  });

  it("fails a run whose model path leaves MODELS_DIR, naming the node and param", async () => {
    const row = await backtest(`../${basename(outside)}`);
    expect(row.status).toBe("failed");
    expect(row.error).toContain(
      `predictor.modelFile: "../${basename(outside)}" is outside the models folder (MODELS_DIR)`,
    );
    expect(row.error).not.toContain(models);
  });
});
