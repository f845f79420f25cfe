import { gunzipSync, gzipSync, strFromU8, strToU8 } from "fflate";
import { z } from "zod";
import { backtestSettingsSchema } from "./backtest.ts";
import { symbolSchema } from "./deployments.ts";
import { idSchema } from "./strategies.ts";
import { TIMEFRAMES } from "./timeframes.ts";

export const RUN_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const FINISHED_RUN_STATUSES: readonly RunStatus[] = ["succeeded", "failed", "cancelled"];

/** Start a backtest of one saved version over a range of stored candles. */
export const startBacktestInput = z
  .object({
    strategyId: idSchema,
    versionNumber: z.number().int().min(1),
    symbols: z.array(symbolSchema).min(1, "Pick at least one symbol.").max(50),
    timeframe: z.enum(TIMEFRAMES),
    /** Range of candle open times, epoch ms (UTC), `from` inclusive, `to` exclusive. */
    from: z.number().int().min(0),
    to: z.number().int().min(0),
    settings: backtestSettingsSchema.prefault({}),
  })
  .refine((v) => v.from < v.to, { message: "The start of the range must be before its end.", path: ["to"] });
export type StartBacktestInput = z.input<typeof startBacktestInput>;

/** What is stored in BacktestRun.settings and read back by the worker. */
export interface StoredBacktestSettings {
  symbols: string[];
  timeframe: (typeof TIMEFRAMES)[number];
  from: number;
  to: number;
  settings: z.output<typeof backtestSettingsSchema>;
}

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

/**
 * Stored form of a full backtest result (BacktestRun.result): gzip of its JSON. A year of 1h bars with
 * a few hundred trades is ~1-2 MB as JSON (JSONB would be larger still and re-parsed on every read);
 * gzip makes it ~5-10x smaller, and loading it is one row read plus one inflate. Equity/drawdown are
 * best written as columns (`{ time: [...], equity: [...], drawdown: [...] }`) rather than point objects.
 * fflate keeps this browser-safe.
 */
export function encodeRunResult(result: unknown): Uint8Array {
  return gzipSync(strToU8(JSON.stringify(result)), { level: 6 });
}

export function decodeRunResult(stored: Uint8Array): unknown {
  return JSON.parse(strFromU8(gunzipSync(stored)));
}
