import { compareRunsInput, listRunsInput, runIdInput, startBacktestInput } from "@tradegraph/contracts";
import {
  cancelRun,
  compareRuns,
  listRuns,
  ownRun,
  runResult,
  startBacktest,
} from "../domain/backtests/runs.ts";
import { watchRun } from "../domain/backtests/watch-run.ts";
import { protectedProcedure, router } from "../trpc.ts";
import { toWire } from "../wire.ts";

export const backtestsRouter = router({
  /** Enqueues the run and returns at once; follow it with `watch`. */
  start: protectedProcedure
    .input(startBacktestInput)
    .mutation(async ({ ctx, input }) => toWire(await startBacktest(ctx.deps, ctx.caller, input))),
  get: protectedProcedure
    .input(runIdInput)
    .query(async ({ ctx, input }) => toWire(await ownRun(ctx.deps, ctx.caller, input.runId))),
  list: protectedProcedure
    .input(listRunsInput)
    .query(async ({ ctx, input }) => toWire(await listRuns(ctx.deps, ctx.caller, input))),
  /** Metrics, trades, orders and equity of a finished run (stored gzip'd, decoded here). */
  result: protectedProcedure
    .input(runIdInput)
    .query(async ({ ctx, input }) => toWire(await runResult(ctx.deps, ctx.caller, input.runId))),
  cancel: protectedProcedure
    .input(runIdInput)
    .mutation(async ({ ctx, input }) => toWire(await cancelRun(ctx.deps, ctx.caller, input.runId))),
  compare: protectedProcedure
    .input(compareRunsInput)
    .query(async ({ ctx, input }) =>
      toWire(await compareRuns(ctx.deps, ctx.caller, input.runIdA, input.runIdB)),
    ),
  /** Status, then progress from the runner (via Redis), then the final status; ends when the run ends. */
  watch: protectedProcedure.input(runIdInput).subscription(async function* ({ ctx, input, signal }) {
    yield* watchRun(ctx.deps, ctx.caller, input.runId, signal);
  }),
});
