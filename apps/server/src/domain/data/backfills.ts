import { randomUUID } from "node:crypto";
import type { BackfillView, StartBackfillInput } from "@tradegraph/contracts";
import { AppError, notFound } from "../app-error.ts";
import { recordAudit } from "../audit.ts";
import type { Caller, ServerDeps } from "../deps.ts";
import { type BackfillJob, backfillView, type OwnedBackfillJobData } from "./backfill-view.ts";

/** Backfills listed per trader (newest first); older ones drop off the list. */
export const RECENT_BACKFILLS = 20;
/** Queued or running backfills one trader may have: the runners and the exchange's rate limit are shared. */
export const MAX_ACTIVE_BACKFILLS = 3;
const KEEP_FINISHED_JOBS_S = 7 * 86_400;

// Each trader's backfill job ids, scored by request time: listing never scans other users' jobs.
const ownerIndexKey = (deps: ServerDeps, userId: string) => `${deps.redisPrefix}:backfills:owner:${userId}`;

/** Enqueues a backfill for the runner (same queue and job data it consumes) and returns it, queued. */
export async function startBackfill(
  deps: ServerDeps,
  caller: Caller,
  input: StartBackfillInput,
  now = Date.now(),
): Promise<BackfillView> {
  if (input.from >= now) {
    throw new AppError(
      "VALIDATION_FAILED",
      "The start date is in the future: there are no candles to fetch yet.",
    );
  }
  const active = (await listBackfills(deps, caller)).filter(
    (b) => b.state === "queued" || b.state === "running",
  ).length;
  if (active >= MAX_ACTIVE_BACKFILLS) {
    throw new AppError(
      "CONFLICT",
      `You already have ${active} backfills queued or running; start another once one of them has finished.`,
    );
  }
  const jobId = `backfill-${randomUUID()}`;
  const data: OwnedBackfillJobData = {
    ownerId: caller.userId,
    exchange: input.exchange,
    symbol: input.symbol,
    timeframe: input.timeframe,
    from: input.from,
    to: input.to,
  };
  const job = (await deps.queues.backfills.add("backfill", data, {
    jobId,
    // One attempt: the backfill retries network errors itself, and a rerun resumes after stored candles.
    attempts: 1,
    removeOnComplete: { age: KEEP_FINISHED_JOBS_S },
    removeOnFail: { age: KEEP_FINISHED_JOBS_S },
  })) as BackfillJob;
  const index = ownerIndexKey(deps, caller.userId);
  await deps.redis
    .multi()
    .zadd(index, job.timestamp, jobId)
    .zremrangebyrank(index, 0, -(RECENT_BACKFILLS + 1))
    .exec();
  await recordAudit(deps, caller, "data.backfillStarted", "backfill", jobId, {
    exchange: input.exchange,
    symbol: input.symbol,
    timeframe: input.timeframe,
    from: input.from,
    to: input.to,
  });
  deps.logger.info({ jobId, exchange: input.exchange, symbol: input.symbol }, "candle backfill queued");
  return backfillView(job, "waiting");
}

/** The caller's backfill job; NOT_FOUND for other users' jobs and for ids that never existed. */
export async function ownBackfillJob(deps: ServerDeps, caller: Caller, jobId: string): Promise<BackfillJob> {
  const job = (await deps.queues.backfills.getJob(jobId)) as BackfillJob | undefined;
  if (!job || job.data.ownerId !== caller.userId) throw notFound("backfill");
  return job;
}

export async function backfillSnapshot(
  deps: ServerDeps,
  caller: Caller,
  jobId: string,
): Promise<BackfillView> {
  const job = await ownBackfillJob(deps, caller, jobId);
  return backfillView(job, await job.getState());
}

/** The caller's recent backfills, newest first (jobs expired from Redis are skipped). */
export async function listBackfills(deps: ServerDeps, caller: Caller): Promise<BackfillView[]> {
  const ids = await deps.redis.zrevrange(ownerIndexKey(deps, caller.userId), 0, RECENT_BACKFILLS - 1);
  const views = await Promise.all(
    ids.map(async (id) => {
      const job = (await deps.queues.backfills.getJob(id)) as BackfillJob | undefined;
      if (!job || job.data.ownerId !== caller.userId) return null;
      return backfillView(job, await job.getState());
    }),
  );
  return views.filter((v): v is BackfillView => v !== null);
}
