import { join } from "node:path";
import type { RedisConnectionOptions } from "@tradegraph/config";
import {
  QUEUE_NAMES,
  type SkeletonJobData,
  type SkeletonResult,
  skeletonJobDataSchema,
} from "@tradegraph/contracts";
import type { PrismaClient } from "@tradegraph/db";
import { type Job, Worker } from "bullmq";
import { summariseCandleFile } from "../skeleton/summarise-candle-file.ts";

export const candlesDir = join(import.meta.dirname, "..", "..", "..", "..", "data", "candles");

export interface SkeletonWorkerOptions {
  prisma: PrismaClient;
  connection: RedisConnectionOptions;
  prefix: string;
  concurrency?: number;
}

/**
 * Processes skeleton checks: reads the bundled candle file named by the job, writes progress and the
 * result to the Run row (the source of truth) and reports progress through BullMQ so the server's
 * QueueEvents sees it — progress crosses processes through Redis only.
 */
export function createSkeletonWorker(
  options: SkeletonWorkerOptions,
): Worker<SkeletonJobData, SkeletonResult> {
  const { prisma } = options;
  const process = async (job: Job<SkeletonJobData, SkeletonResult>): Promise<SkeletonResult> => {
    const data = skeletonJobDataSchema.parse(job.data);
    const started = performance.now();
    await prisma.run.update({
      where: { id: data.runId },
      data: { status: "running", startedAt: new Date(), progress: 0 },
    });
    const file = `binance_${data.symbol.replace("/", "")}_${data.timeframe}.csv.gz`;
    try {
      const summary = await summariseCandleFile(join(candlesDir, file), data.timeframe, async (fraction) => {
        const progress = Math.round(fraction * 100);
        await prisma.run.update({ where: { id: data.runId }, data: { progress } });
        await job.updateProgress(progress);
      });
      const result: SkeletonResult = {
        file,
        ...summary,
        durationMs: Math.round(performance.now() - started),
      };
      await prisma.run.update({
        where: { id: data.runId },
        data: { status: "succeeded", progress: 100, result, finishedAt: new Date() },
      });
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await prisma.run.update({
        where: { id: data.runId },
        data: { status: "failed", error: message, finishedAt: new Date() },
      });
      throw error;
    }
  };
  return new Worker<SkeletonJobData, SkeletonResult>(QUEUE_NAMES.skeleton, process, {
    connection: options.connection,
    prefix: options.prefix,
    concurrency: options.concurrency ?? 1,
  });
}
