import type { BackfillExchange, BackfillState, BackfillView } from "@tradegraph/contracts";
import type { BackfillJobData, BackfillJobProgress, BackfillResult } from "@tradegraph/market-data";
import type { Job } from "bullmq";

/** What the server puts on the backfill queue: market-data's job data plus who asked for it. */
export type OwnedBackfillJobData = BackfillJobData & { ownerId: string; to: number };
export type BackfillJob = Job<OwnedBackfillJobData, BackfillResult>;

/** BullMQ job states → the four a trader needs. */
export function backfillStateOf(jobState: string, result: BackfillResult | undefined): BackfillState {
  if (jobState === "failed") return "failed";
  if (jobState === "completed") return result?.completed === false ? "failed" : "succeeded";
  if (jobState === "active") return "running";
  return "queued";
}

function progressOf(value: unknown): BackfillJobProgress | null {
  if (value === null || typeof value !== "object") return null;
  const { fetched, expected } = value as Partial<BackfillJobProgress>;
  return typeof fetched === "number" && typeof expected === "number" ? { fetched, expected } : null;
}

/** The view of one backfill job in a given state; `progress` overrides the job's stored progress. */
export function backfillView(job: BackfillJob, jobState: string, progress?: unknown): BackfillView {
  const result = jobState === "completed" ? (job.returnvalue ?? undefined) : undefined;
  const state = backfillStateOf(jobState, result);
  const counts = (result ? { fetched: result.fetched, expected: result.expected } : null) ??
    progressOf(progress ?? job.progress) ?? { fetched: 0, expected: 0 };
  const error =
    jobState === "failed"
      ? job.failedReason || "The backfill failed without a reason."
      : state === "failed"
        ? "Stopped before the end (the runner shut down); start it again to resume where it stopped."
        : null;
  return {
    jobId: String(job.id),
    exchange: job.data.exchange as BackfillExchange,
    symbol: job.data.symbol,
    timeframe: job.data.timeframe,
    from: job.data.from,
    to: job.data.to,
    state,
    fetched: counts.fetched,
    expected: counts.expected,
    stored: result ? result.stored : null,
    error,
    createdAt: job.timestamp,
    finishedAt: job.finishedOn ?? null,
  };
}
