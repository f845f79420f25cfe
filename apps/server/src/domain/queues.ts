import type { RedisConnectionOptions } from "@tradegraph/config";
import { type BacktestJobData, type DeploymentControlMessage, QUEUE_NAMES } from "@tradegraph/contracts";
import { BACKFILL_QUEUE_NAME, type BackfillJobData } from "@tradegraph/market-data";
import { Queue, QueueEvents } from "bullmq";

/** Producer side of the queues the server uses, plus the event stream backtest progress arrives on. */
export interface ServerQueues {
  backtests: Queue<BacktestJobData>;
  deploymentControl: Queue<DeploymentControlMessage>;
  /** Progress/completed/failed of backtest jobs, published by whichever runner process works on them. */
  backtestEvents: QueueEvents;
  /** Candle backfills (market-data's job data plus the owner) and their progress events. */
  backfills: Queue<BackfillJobData & { ownerId: string }>;
  backfillEvents: QueueEvents;
  close(): Promise<void>;
}

export async function createServerQueues(
  connection: RedisConnectionOptions,
  prefix: string,
): Promise<ServerQueues> {
  const options = { connection, prefix };
  const backtests = new Queue<BacktestJobData>(QUEUE_NAMES.backtests, options);
  const deploymentControl = new Queue<DeploymentControlMessage>(QUEUE_NAMES.deploymentControl, options);
  const backtestEvents = new QueueEvents(QUEUE_NAMES.backtests, options);
  const backfills = new Queue<BackfillJobData & { ownerId: string }>(BACKFILL_QUEUE_NAME, options);
  const backfillEvents = new QueueEvents(BACKFILL_QUEUE_NAME, options);
  await Promise.all([backtestEvents.waitUntilReady(), backfillEvents.waitUntilReady()]);
  return {
    backtests,
    deploymentControl,
    backtestEvents,
    backfills,
    backfillEvents,
    async close() {
      await Promise.all([
        backtests.close(),
        deploymentControl.close(),
        backtestEvents.close(),
        backfills.close(),
        backfillEvents.close(),
      ]);
    },
  };
}
