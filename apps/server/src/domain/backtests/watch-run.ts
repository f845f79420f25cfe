import { type BacktestRunEvent, FINISHED_RUN_STATUSES, type RunStatus } from "@tradegraph/contracts";
import type { Caller, ServerDeps } from "../deps.ts";
import { listenToJob } from "../job-signals.ts";
import { ownRun } from "./runs.ts";

function progressOf(data: unknown): { fraction: number; note?: string } | null {
  if (typeof data === "number") return { fraction: Math.min(1, Math.max(0, data > 1 ? data / 100 : data)) };
  if (data && typeof data === "object" && typeof (data as { fraction?: unknown }).fraction === "number") {
    const { fraction, note } = data as { fraction: number; note?: unknown };
    return { fraction: Math.min(1, Math.max(0, fraction)), ...(typeof note === "string" ? { note } : {}) };
  }
  return null;
}

/**
 * Streams one run: its current status, then progress reported by whichever runner process has the job
 * (BullMQ QueueEvents over Redis), then the final status read back from the database.
 */
export async function* watchRun(
  deps: ServerDeps,
  caller: Caller,
  runId: string,
  signal: AbortSignal | undefined,
): AsyncGenerator<BacktestRunEvent> {
  await ownRun(deps, caller, runId); // NOT_FOUND before subscribing
  const job = listenToJob(deps.queues.backtestEvents, runId, ["completed", "failed", "removed"], signal);
  try {
    // Read again after subscribing, so a run that finished in between is not missed.
    const current = await ownRun(deps, caller, runId);
    yield { kind: "status", runId, status: current.status, fraction: current.progress };
    let finished = FINISHED_RUN_STATUSES.includes(current.status as RunStatus);
    while (!finished && !signal?.aborted) {
      // Fallback poll: a cancel of a queued job, or a lost event, still ends the stream.
      const next = await job.next(5000);
      if (next?.type === "progress") {
        const p = progressOf(next.data);
        if (p) yield { kind: "progress", runId, ...p };
        continue;
      }
      const row = await ownRun(deps, caller, runId);
      finished = FINISHED_RUN_STATUSES.includes(row.status as RunStatus);
      if (!finished && next?.type === "changed") {
        // Job ended (e.g. a failed attempt that will be retried): keep listening.
        yield { kind: "status", runId, status: row.status, fraction: row.progress };
      }
    }
    if (finished) {
      const row = await ownRun(deps, caller, runId);
      yield { kind: "finished", runId, status: row.status, error: row.error, metrics: row.metrics };
    }
  } finally {
    job.close();
  }
}
