import { backfillIdInput, startBackfillInput } from "@tradegraph/contracts";
import { backfillSnapshot, listBackfills, startBackfill } from "../domain/data/backfills.ts";
import { coverage, importCandles, readCandles } from "../domain/data/data-service.ts";
import { candlesInput, coverageInput, importCandlesInput } from "../domain/data/inputs.ts";
import { watchBackfill } from "../domain/data/watch-backfill.ts";
import { protectedProcedure, router } from "../trpc.ts";

export const dataRouter = router({
  /** Stored candles of one series in [from, to) as number columns; at most MAX_CANDLES_PER_REQUEST bars. */
  candles: protectedProcedure.input(candlesInput).query(({ ctx, input }) => readCandles(ctx.deps, input)),
  /** Every stored series with first/last open time, rows and its gaps. */
  coverage: protectedProcedure
    .input(coverageInput)
    .query(({ ctx, input }) => coverage(ctx.deps, input ?? {})),
  /** Imports an uploaded candle file (base64); returns counts, or line-numbered errors and stores nothing. */
  importFile: protectedProcedure
    .input(importCandlesInput)
    .mutation(({ ctx, input }) => importCandles(ctx.deps, input)),
  /** Queues a ccxt backfill of one series for the runner; follow it with `backfillProgress`. */
  startBackfill: protectedProcedure
    .input(startBackfillInput)
    .mutation(({ ctx, input }) => startBackfill(ctx.deps, ctx.caller, input)),
  /** The caller's recent backfills, newest first, with their state and progress. */
  backfills: protectedProcedure.query(({ ctx }) => listBackfills(ctx.deps, ctx.caller)),
  /** One of the caller's backfills, as it is now. */
  backfill: protectedProcedure
    .input(backfillIdInput)
    .query(({ ctx, input }) => backfillSnapshot(ctx.deps, ctx.caller, input.jobId)),
  /** Current view, then fetched / expected candles as the runner stores them; ends when it finishes. */
  backfillProgress: protectedProcedure.input(backfillIdInput).subscription(async function* ({
    ctx,
    input,
    signal,
  }) {
    yield* watchBackfill(ctx.deps, ctx.caller, input.jobId, signal);
  }),
});
