import { skeletonJobDataSchema } from "@tradegraph/contracts";
import type { Run } from "@tradegraph/db";
import { TRPCError } from "@trpc/server";
import type { QueueEvents } from "bullmq";
import { z } from "zod";
import { publicProcedure, router } from "../trpc.ts";

const runIdInput = z.object({ runId: z.string().min(1) });
const startInput = skeletonJobDataSchema.pick({ symbol: true, timeframe: true }).extend({
  symbol: skeletonJobDataSchema.shape.symbol.default("BTC/USDT"),
  timeframe: skeletonJobDataSchema.shape.timeframe.default("1h"),
});

/** A run as the browser sees it (JSON-safe: dates as ISO strings). */
export interface RunView {
  id: string;
  kind: string;
  status: Run["status"];
  progress: number;
  input: unknown;
  result: unknown;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const runSelect = {
  id: true,
  kind: true,
  status: true,
  progress: true,
  input: true,
  result: true,
  error: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const;

function toView(run: Pick<Run, keyof typeof runSelect>): RunView {
  return {
    ...run,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

const finished = new Set(["succeeded", "failed", "cancelled"]);

/** Resolves when the runner reports anything about `jobId` through Redis, or after `fallbackMs`. */
function nextEvent(events: QueueEvents, jobId: string, signal: AbortSignal | undefined, fallbackMs: number) {
  let cancel = () => {};
  const promise = new Promise<void>((resolve) => {
    const names = ["active", "progress", "completed", "failed"] as const;
    const done = () => {
      clearTimeout(timer);
      for (const name of names) events.off(name, onEvent);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const onEvent = (event: { jobId: string }) => {
      if (event.jobId === jobId) done();
    };
    const timer = setTimeout(done, fallbackMs);
    for (const name of names) events.on(name, onEvent);
    signal?.addEventListener("abort", done);
    cancel = done;
  });
  return { promise, cancel };
}

export const skeletonRouter = router({
  /** Starts a skeleton check: the runner reads the bundled candle file and reports what it found. */
  start: publicProcedure.input(startInput).mutation(async ({ ctx, input }) => {
    const run = await ctx.prisma.run.create({ data: { kind: "skeleton", input }, select: { id: true } });
    await ctx.skeleton.queue.add(
      "check",
      { runId: run.id, ...input },
      { jobId: run.id, attempts: 1, removeOnComplete: 1000, removeOnFail: 1000 },
    );
    return { runId: run.id };
  }),

  get: publicProcedure.input(runIdInput).query(async ({ ctx, input }) => {
    const run = await ctx.prisma.run.findUnique({ where: { id: input.runId }, select: runSelect });
    if (!run) throw new TRPCError({ code: "NOT_FOUND", message: `Run ${input.runId} does not exist.` });
    return toView(run);
  }),

  recent: publicProcedure.query(async ({ ctx }) => {
    const runs = await ctx.prisma.run.findMany({
      where: { kind: "skeleton" },
      orderBy: { createdAt: "desc" },
      take: 10,
      select: runSelect,
    });
    return runs.map(toView);
  }),

  /**
   * Live state of one run: the current row first, then the row again whenever the runner reports
   * progress or completion through BullMQ QueueEvents; ends when the run has finished.
   */
  watch: publicProcedure.input(runIdInput).subscription(async function* ({ ctx, input, signal }) {
    let lastKey = "";
    while (!signal?.aborted) {
      // Subscribe before reading so an event between the read and the wait is not lost.
      const wake = nextEvent(ctx.skeleton.events, input.runId, signal, 5000);
      const run = await ctx.prisma.run.findUnique({ where: { id: input.runId }, select: runSelect });
      if (!run) {
        wake.cancel();
        throw new TRPCError({ code: "NOT_FOUND", message: `Run ${input.runId} does not exist.` });
      }
      const key = `${run.status}:${run.progress}`;
      if (key !== lastKey) {
        lastKey = key;
        yield toView(run);
      }
      if (finished.has(run.status)) {
        wake.cancel();
        return;
      }
      await wake.promise;
    }
  }),
});
