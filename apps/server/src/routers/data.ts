import { coverage, importCandles, readCandles } from "../domain/data/data-service.ts";
import { candlesInput, coverageInput, importCandlesInput } from "../domain/data/inputs.ts";
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
});
