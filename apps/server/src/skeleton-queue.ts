import type { RedisConnectionOptions } from "@tradegraph/config";
import { QUEUE_NAMES, type SkeletonJobData, type SkeletonResult } from "@tradegraph/contracts";
import { Queue, QueueEvents } from "bullmq";

/** Producer side of the skeleton queue plus the events the runner's progress arrives on. */
export interface SkeletonQueue {
  queue: Queue<SkeletonJobData, SkeletonResult>;
  /** progress/completed/failed published by whichever runner process works on a job (via Redis). */
  events: QueueEvents;
  close(): Promise<void>;
}

export async function createSkeletonQueue(
  connection: RedisConnectionOptions,
  prefix: string,
): Promise<SkeletonQueue> {
  const queue = new Queue<SkeletonJobData, SkeletonResult>(QUEUE_NAMES.skeleton, { connection, prefix });
  const events = new QueueEvents(QUEUE_NAMES.skeleton, { connection, prefix });
  events.setMaxListeners(0); // one listener set per open browser subscription
  await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
  return {
    queue,
    events,
    async close() {
      await Promise.all([queue.close(), events.close()]);
    },
  };
}
