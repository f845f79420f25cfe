import type { BackfillView } from "@tradegraph/contracts";
import type { Caller, ServerDeps } from "../deps.ts";
import { backfillView } from "./backfill-view.ts";
import { ownBackfillJob } from "./backfills.ts";

type QueueSignal = { type: "progress"; data: unknown } | { type: "changed" };

const isFinished = (view: BackfillView) => view.state === "succeeded" || view.state === "failed";

/**
 * Streams one backfill: its current view, then each progress report of the runner (BullMQ QueueEvents
 * over Redis), then the final view with stored candles or the error. Counts never go backwards.
 */
export async function* watchBackfill(
  deps: ServerDeps,
  caller: Caller,
  jobId: string,
  signal: AbortSignal | undefined,
  pollMs = 2000,
): AsyncGenerator<BackfillView> {
  await ownBackfillJob(deps, caller, jobId); // NOT_FOUND before listening
  const pending: QueueSignal[] = [];
  let wake: (() => void) | undefined;
  const push = (s: QueueSignal) => {
    pending.push(s);
    wake?.();
  };
  const onProgress = (args: { jobId: string; data: unknown }) => {
    if (args.jobId === jobId) push({ type: "progress", data: args.data });
  };
  const onChange = (args: { jobId: string }) => {
    if (args.jobId === jobId) push({ type: "changed" });
  };
  const events = deps.queues.backfillEvents;
  const kinds = ["active", "completed", "failed", "removed"] as const;
  const onAbort = () => wake?.();
  events.on("progress", onProgress);
  for (const kind of kinds) events.on(kind, onChange);
  signal?.addEventListener("abort", onAbort);
  const read = async () => {
    const job = await ownBackfillJob(deps, caller, jobId);
    return backfillView(job, await job.getState());
  };
  try {
    // Read after listening, so a change in between is not missed.
    let last = await read();
    yield last;
    while (!isFinished(last) && !signal?.aborted) {
      if (pending.length === 0) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          // Fallback poll: a lost event still moves the stream on.
          setTimeout(resolve, pollMs).unref();
        });
        wake = undefined;
      }
      const next = pending.shift() ?? { type: "changed" };
      let view: BackfillView;
      if (next.type === "progress") {
        const job = await ownBackfillJob(deps, caller, jobId);
        view = backfillView(job, "active", next.data);
      } else {
        view = await read();
      }
      // An event queued before the first read can be older than it: never report fewer candles.
      if (view.fetched < last.fetched && !isFinished(view)) continue;
      if (
        isFinished(view) ||
        view.state !== last.state ||
        view.fetched !== last.fetched ||
        view.expected !== last.expected
      ) {
        last = view;
        yield view;
      }
    }
  } finally {
    events.off("progress", onProgress);
    for (const kind of kinds) events.off(kind, onChange);
    signal?.removeEventListener("abort", onAbort);
  }
}
