import type { QueueEvents } from "bullmq";

/** What BullMQ said about one job: a progress report, or a state change worth reading the job again for. */
export type JobSignal = { type: "progress"; data: unknown } | { type: "changed" };

type StateEvent = "active" | "completed" | "failed" | "removed";

/**
 * Listens to one job's events on a queue (QueueEvents over Redis, so from whichever runner has it) and hands
 * them out in order. Subscriptions that stream a job call `next` in a loop and `close` in a finally.
 */
export function listenToJob(
  events: QueueEvents,
  jobId: string,
  stateEvents: readonly StateEvent[],
  signal: AbortSignal | undefined,
) {
  const pending: JobSignal[] = [];
  let wake: (() => void) | undefined;
  const push = (s: JobSignal) => {
    pending.push(s);
    wake?.();
  };
  const onProgress = (args: { jobId: string; data: unknown }) => {
    if (args.jobId === jobId) push({ type: "progress", data: args.data });
  };
  const onChange = (args: { jobId: string }) => {
    if (args.jobId === jobId) push({ type: "changed" });
  };
  const onAbort = () => wake?.();
  events.on("progress", onProgress);
  for (const kind of stateEvents) events.on(kind, onChange);
  signal?.addEventListener("abort", onAbort);
  return {
    /** The next signal; undefined when `timeoutMs` passed (the fallback poll for a lost event) or on abort. */
    async next(timeoutMs: number): Promise<JobSignal | undefined> {
      if (pending.length === 0) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, timeoutMs).unref();
        });
        wake = undefined;
      }
      return pending.shift();
    },
    close() {
      events.off("progress", onProgress);
      for (const kind of stateEvents) events.off(kind, onChange);
      signal?.removeEventListener("abort", onAbort);
    },
  };
}
