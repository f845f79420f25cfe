import type { RedisConnectionOptions } from "@tradegraph/config";
import { BACKTEST_CANCEL_CHANNEL, type BacktestJobData, QUEUE_NAMES } from "@tradegraph/contracts";
import type { PrismaClient } from "@tradegraph/db";
import type { CandleStore } from "@tradegraph/market-data";
import { Worker } from "bullmq";
import { Redis } from "ioredis";
import { type BacktestJobResult, processBacktest } from "../backtests/process-backtest.ts";
import type { WorkerSettings } from "../worker-settings.ts";

export interface BacktestWorkerOptions {
  prisma: PrismaClient;
  store: CandleStore | null;
  connection: RedisConnectionOptions;
  prefix: string;
  settings: Pick<
    WorkerSettings,
    "backtestConcurrency" | "lockDurationMs" | "stalledIntervalMs" | "maxStalledCount"
  >;
}

export interface BacktestWorker {
  worker: Worker<BacktestJobData, BacktestJobResult>;
  close(): Promise<void>;
}

/**
 * The backtest worker plus its cancel listener: the server sets the row to `cancelled` and publishes the
 * run id on BACKTEST_CANCEL_CHANNEL; the worker aborts that job's signal (job id = run id).
 */
export async function createBacktestWorker(options: BacktestWorkerOptions): Promise<BacktestWorker> {
  const { settings } = options;
  const worker = new Worker<BacktestJobData, BacktestJobResult>(
    QUEUE_NAMES.backtests,
    (job, _token, signal) => processBacktest({ prisma: options.prisma, store: options.store }, job, signal),
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: settings.backtestConcurrency,
      lockDuration: settings.lockDurationMs,
      stalledInterval: settings.stalledIntervalMs,
      maxStalledCount: settings.maxStalledCount,
    },
  );
  const subscriber = new Redis({ ...options.connection, lazyConnect: true });
  const channel = `${options.prefix}:${BACKTEST_CANCEL_CHANNEL}`;
  await subscriber.connect();
  await subscriber.subscribe(channel);
  subscriber.on("message", (from, runId) => {
    if (from === channel) worker.cancelJob(runId, "Cancelled by the user.");
  });
  return {
    worker,
    async close() {
      await worker.close();
      subscriber.disconnect();
    },
  };
}
