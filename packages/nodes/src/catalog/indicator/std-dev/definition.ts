import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { RollingSum, standardDeviation, windowVariance } from "../../../lib/rolling-sum.ts";
import { multiplierParam, NAN_NOTE, periodParam, sourceInput } from "../params.ts";

export const stdDevNode = defineNode({
  type: "indicator.stdDev",
  version: 1,
  category: "indicator",
  title: "Standard deviation",
  description: `Population standard deviation (divides by n) of the last n values, times a multiplier. First value at bar n − 1 (matches TA-Lib STDDEV, including its E[x²] − mean² formula). ${NAN_NOTE}`,
  inputs: sourceInput,
  outputs: { value: { type: "number", label: "Std dev" } },
  params: z.object({
    period: periodParam(20),
    multiplier: multiplierParam(1, "Multiplier", 0.1, 10, 0.1),
  }),
  warmup: (p) => p.period - 1,
  init: (p) => new RollingSum(p.period, true),
  step: (sums, io, i, _ctx, p) => {
    const x = io.in.source[i]!;
    io.out.value[i] =
      !Number.isNaN(x) && sums.push(x) ? standardDeviation(windowVariance(sums)) * p.multiplier : Number.NaN;
  },
});
