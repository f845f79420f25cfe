import { type BacktestRunEvent, FINISHED_RUN_STATUSES, type RunStatus } from "@tradegraph/contracts";
import type { Caller, ServerDeps } from "../deps.ts";
import { ownRun } from "./runs.ts";

type QueueSignal = { type: "progress"; data: unknown } | { type: "done" };

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
  const pending: QueueSignal[] = [];
  let wake: (() => void) | undefined;
  const push = (s: QueueSignal) => {
    pending.push(s);
    wake?.();
  };
  const onProgress = (args: { jobId: string; data: unknown }) => {
    if (args.jobId === runId) push({ type: "progress", data: args.data });
  };
  const onDone = (args: { jobId: string }) => {
    if (args.jobId === runId) push({ type: "done" });
  };
  const events = deps.queues.backtestEvents;
  const onAbort = () => wake?.();
  events.on("progress", onProgress);
  events.on("completed", onDone);
  events.on("failed", onDone);
  events.on("removed", onDone);
  signal?.addEventListener("abort", onAbort);
  try {
    // Read again after subscribing, so a run that finished in between is not missed.
    const current = await ownRun(deps, caller, runId);
    yield { kind: "status", runId, status: current.status, fraction: current.progress };
    let finished = FINISHED_RUN_STATUSES.includes(current.status as RunStatus);
    while (!finished && !signal?.aborted) {
      if (pending.length === 0) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          // Fallback poll: a cancel of a queued job, or a lost event, still ends the stream.
          setTimeout(resolve, 5000).unref();
        });
        wake = undefined;
      }
      const next = pending.shift();
      if (next?.type === "progress") {
        const p = progressOf(next.data);
        if (p) yield { kind: "progress", runId, ...p };
        continue;
      }
      const row = await ownRun(deps, caller, runId);
      finished = FINISHED_RUN_STATUSES.includes(row.status as RunStatus);
      if (!finished && next?.type === "done") {
        // Job ended (e.g. a failed attempt that will be retried): keep listening.
        yield { kind: "status", runId, status: row.status, fraction: row.progress };
      }
    }
    if (finished) {
      const row = await ownRun(deps, caller, runId);
      yield { kind: "finished", runId, status: row.status, error: row.error, metrics: row.metrics };
    }
  } finally {
    events.off("progress", onProgress);
    events.off("completed", onDone);
    events.off("failed", onDone);
    events.off("removed", onDone);
    signal?.removeEventListener("abort", onAbort);
  }
}
