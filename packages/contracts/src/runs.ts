import { z } from "zod";
import { idSchema } from "./strategies.ts";

export const RUN_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const FINISHED_RUN_STATUSES: readonly RunStatus[] = ["succeeded", "failed", "cancelled"];

export const runIdInput = z.object({ runId: idSchema });
export const listRunsInput = z.object({
  strategyId: idSchema,
  limit: z.number().int().min(1).max(200).default(50),
});
export const compareRunsInput = z.object({ runIdA: idSchema, runIdB: idSchema });

/**
 * Job data on the backtest queue. The worker loads everything else (version graph, settings) from the
 * BacktestRun row, so a job stays small and the database remains the single source of truth.
 */
export const backtestJobDataSchema = z.object({ runId: z.string(), ownerId: z.string() });
export type BacktestJobData = z.infer<typeof backtestJobDataSchema>;

/** What a worker reports through `job.updateProgress`; crosses processes via BullMQ QueueEvents. */
export const backtestProgressSchema = z.object({
  /** 0..1 of the bars processed. */
  fraction: z.number().min(0).max(1),
  /** Short human note, e.g. "loading candles" or "bar 12,000 of 52,000". */
  note: z.string().max(200).optional(),
});
export type BacktestProgress = z.infer<typeof backtestProgressSchema>;

/**
 * Cancelling a running backtest crosses processes through this Redis pub/sub channel (prefixed with
 * REDIS_PREFIX + ":"): the message is the run id. Workers call `worker.cancelJob(runId)` (job id = run id).
 * The run row is set to `cancelled` by the server before publishing, so a worker that misses the message
 * still sees the status when it next saves progress.
 */
export const BACKTEST_CANCEL_CHANNEL = "backtest:cancel";

/** Events on the `backtests.watch` subscription. */
export type BacktestRunEvent =
  | { kind: "status"; runId: string; status: RunStatus; fraction: number; note?: string }
  | { kind: "progress"; runId: string; fraction: number; note?: string }
  | { kind: "finished"; runId: string; status: RunStatus; error: string | null; metrics: unknown };

export const backtestRunSummarySchema = z.object({
  id: z.string(),
  strategyId: z.string(),
  versionNumber: z.number().int(),
  status: z.enum(RUN_STATUSES),
  progress: z.number(),
  metrics: z.unknown(),
  error: z.string().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
});
export type BacktestRunSummary = z.infer<typeof backtestRunSummarySchema>;
