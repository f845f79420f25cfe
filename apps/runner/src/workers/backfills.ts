import type { RedisConnectionOptions } from "@tradegraph/config";
import {
  BACKFILL_QUEUE_NAME,
  type BackfillJobData,
  type BackfillJobDeps,
  type BackfillResult,
  processBackfillJob,
} from "@tradegraph/market-data";
import { Worker } from "bullmq";
import type { WorkerSettings } from "../worker-settings.ts";

export interface BackfillWorkerOptions {
  /** Database URL or shared CandleStore the candles are written to. */
  store: BackfillJobDeps["store"];
  connection: RedisConnectionOptions;
  prefix: string;
  settings: Pick<
    WorkerSettings,
    "backfillConcurrency" | "lockDurationMs" | "stalledIntervalMs" | "maxStalledCount"
  >;
  /** Tests point ccxt at the exchange stub. */
  exchangeFor?: BackfillJobDeps["exchangeFor"];
}

/** Registers market-data's backfill processor; the job's abort signal stops fetching between pages. */
export function createBackfillWorker(
  options: BackfillWorkerOptions,
): Worker<BackfillJobData, BackfillResult> {
  const { settings } = options;
  return new Worker<BackfillJobData, BackfillResult>(
    BACKFILL_QUEUE_NAME,
    (job, _token, signal) =>
      processBackfillJob(job, {
        store: options.store,
        ...(options.exchangeFor ? { exchangeFor: options.exchangeFor } : {}),
        ...(signal ? { signal } : {}),
      }),
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: settings.backfillConcurrency,
      lockDuration: settings.lockDurationMs,
      stalledInterval: settings.stalledIntervalMs,
      maxStalledCount: settings.maxStalledCount,
    },
  );
}
