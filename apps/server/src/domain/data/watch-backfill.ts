import type { BackfillView } from "@tradegraph/contracts";
import type { Caller, ServerDeps } from "../deps.ts";
import { listenToJob } from "../job-signals.ts";
import { backfillView } from "./backfill-view.ts";
import { ownBackfillJob } from "./backfills.ts";

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
  const signals = listenToJob(
    deps.queues.backfillEvents,
    jobId,
    ["active", "completed", "failed", "removed"],
    signal,
  );
  const read = async () => {
    const job = await ownBackfillJob(deps, caller, jobId);
    return backfillView(job, await job.getState());
  };
  try {
    // Read after listening, so a change in between is not missed.
    let last = await read();
    yield last;
    while (!isFinished(last) && !signal?.aborted) {
      // Fallback poll: a lost event still moves the stream on.
      const next = (await signals.next(pollMs)) ?? { type: "changed" };
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
    signals.close();
  }
}
