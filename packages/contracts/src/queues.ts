import { z } from "zod";
import { TIMEFRAMES } from "./timeframes.ts";

/**
 * Every BullMQ queue name, in one place: server (producer), runner (worker) and tests import these.
 * Redis keys are `${REDIS_PREFIX}:${queueName}:...` (BullMQ `prefix` option = REDIS_PREFIX).
 * Job id = the database row id the job works on, so QueueEvents can be matched to rows.
 */
export const QUEUE_NAMES = {
  /** Walking-skeleton check: the runner reads a bundled candle file and reports what it found. */
  skeleton: "skeleton",
  /** Backtest runs (contracts/runs.ts: BacktestJobData; job id = BacktestRun id). */
  backtests: "backtests",
  /** Deployment start/pause/resume/stop/emergency-stop commands (contracts/deployments.ts). */
  deploymentControl: "deployment-control",
} as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/** Bundled candle files the skeleton check may read (data/candles/binance_<SYMBOL>_<tf>.csv.gz). */
export const skeletonJobDataSchema = z.object({
  runId: z.string().min(1),
  symbol: z.string().regex(/^[A-Z0-9]+\/[A-Z0-9]+$/, "symbol looks like BTC/USDT"),
  timeframe: z.enum(TIMEFRAMES),
});
export type SkeletonJobData = z.infer<typeof skeletonJobDataSchema>;

/** What the skeleton check found in the candle file: real numbers from real data. */
export const skeletonResultSchema = z.object({
  file: z.string(),
  rows: z.number().int().nonnegative(),
  /** Open time of the first and last candle, epoch ms (UTC). */
  firstCandleTime: z.number(),
  lastCandleTime: z.number(),
  lastClose: z.number(),
  highestHigh: z.number(),
  lowestLow: z.number(),
  /** Candles the file is missing compared with a gap-free series (exchange outages). */
  missingCandles: z.number().int().nonnegative(),
  durationMs: z.number().nonnegative(),
});
export type SkeletonResult = z.infer<typeof skeletonResultSchema>;
