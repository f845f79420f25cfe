import { z } from "zod";
import { CandleStore } from "../store/candle-store.ts";
import { isTimeframe } from "../timeframes.ts";
import { type BackfillProgress, type BackfillResult, backfillCandles } from "./backfill.ts";
import { createExchange, type Exchange } from "./exchange.ts";
import type { RetryPolicy } from "./retry.ts";

/** BullMQ queue the runner consumes backfill jobs from. */
export const BACKFILL_QUEUE_NAME = "candle-backfill";

export const backfillJobDataSchema = z.object({
  /** Run row the job reports to, when the server created one. */
  runId: z.string().min(1).optional(),
  exchange: z.string().min(1),
  symbol: z.string().regex(/^[A-Z0-9]+\/[A-Z0-9]+$/, "symbol looks like BTC/USDT"),
  timeframe: z.string().refine(isTimeframe, "unknown timeframe"),
  from: z.number().int().nonnegative(),
  to: z.number().int().positive().optional(),
});
export type BackfillJobData = z.infer<typeof backfillJobDataSchema>;

/** What the job reports through job.updateProgress: candles fetched of expected. */
export type BackfillJobProgress = BackfillProgress;

/** The part of a BullMQ Job the processor uses (so tests and the runner pass real jobs). */
export interface BackfillJobLike {
  data: unknown;
  updateProgress(progress: BackfillJobProgress): Promise<unknown>;
}

export interface BackfillJobDeps {
  /** A shared store, or a database URL to open one for the job. */
  store: CandleStore | string;
  /** Builds the ccxt client; default `createExchange(id)` (tests point it at the exchange stub). */
  exchangeFor?: (id: string) => Exchange;
  retry?: RetryPolicy;
  signal?: AbortSignal;
}

/** BullMQ processor: `new Worker(BACKFILL_QUEUE_NAME, (job) => processBackfillJob(job, deps), ...)`. */
export async function processBackfillJob(
  job: BackfillJobLike,
  deps: BackfillJobDeps,
): Promise<BackfillResult> {
  const data = backfillJobDataSchema.parse(job.data);
  const store = typeof deps.store === "string" ? CandleStore.open(deps.store) : deps.store;
  try {
    return await backfillCandles(data, {
      store,
      exchange: (deps.exchangeFor ?? ((id) => createExchange(id)))(data.exchange),
      onProgress: async (progress) => {
        await job.updateProgress(progress);
      },
      ...(deps.retry ? { retry: deps.retry } : {}),
      ...(deps.signal ? { signal: deps.signal } : {}),
    });
  } finally {
    if (typeof deps.store === "string") await store.close();
  }
}
