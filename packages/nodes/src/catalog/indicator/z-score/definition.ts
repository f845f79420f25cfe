import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { RollingSum, standardDeviation, windowVariance } from "../../../lib/rolling-sum.ts";
import { NAN_NOTE, periodParam, sourceInput } from "../params.ts";

export const zScoreNode = defineNode({
  type: "indicator.zScore",
  version: 1,
  category: "indicator",
  title: "Z-score",
  description: `How many standard deviations the source is from its mean over the last n bars, current bar included: (x − SMA) / population std dev (same SMA and STDDEV as TA-Lib). First value at bar n − 1; 0 when the window is flat. ${NAN_NOTE}`,
  inputs: sourceInput,
  outputs: { value: { type: "number", label: "Z-score" } },
  params: z.object({ period: periodParam(20) }),
  warmup: (p) => p.period - 1,
  init: (p) => new RollingSum(p.period, true),
  step: (sums, io, i) => {
    const x = io.in.source[i]!;
    if (Number.isNaN(x) || !sums.push(x)) {
      io.out.value[i] = Number.NaN;
      return;
    }
    const deviation = standardDeviation(windowVariance(sums));
    io.out.value[i] = deviation === 0 ? 0 : (x - sums.sum / sums.period) / deviation;
  },
});
