import type { RedisConnectionOptions } from "@tradegraph/config";
import { type BacktestJobData, type DeploymentControlMessage, QUEUE_NAMES } from "@tradegraph/contracts";
import { Queue, QueueEvents } from "bullmq";

/** Producer side of the queues the server uses, plus the event stream backtest progress arrives on. */
export interface ServerQueues {
  backtests: Queue<BacktestJobData>;
  deploymentControl: Queue<DeploymentControlMessage>;
  /** Progress/completed/failed of backtest jobs, published by whichever runner process works on them. */
  backtestEvents: QueueEvents;
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
  await backtestEvents.waitUntilReady();
  return {
    backtests,
    deploymentControl,
    backtestEvents,
    async close() {
      await Promise.all([backtests.close(), deploymentControl.close(), backtestEvents.close()]);
    },
  };
}
