import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { RollingSum } from "../../../lib/rolling-sum.ts";
import { NAN_NOTE, periodParam, sourceInput } from "../params.ts";

export const smaNode = defineNode({
  type: "indicator.sma",
  version: 1,
  category: "indicator",
  title: "SMA",
  description: `Simple moving average: the mean of the last n values. First value at bar n − 1, summed in TA-Lib's order (matches TA-Lib SMA). ${NAN_NOTE}`,
  inputs: sourceInput,
  outputs: { value: { type: "number", label: "SMA" } },
  params: z.object({ period: periodParam(20, "Period", 1) }),
  warmup: (p) => p.period - 1,
  init: (p) => new RollingSum(p.period),
  // Batch loop in this module so the step inlines (see NodeDefinition.stepRange).
  stepRange(s, io, from, to, ctx, p) {
    for (let i = from; i < to; i++) this.step(s, io, i, ctx, p);
  },
  step: (sums, io, i) => {
    const x = io.in.source[i]!;
    io.out.value[i] = !Number.isNaN(x) && sums.push(x) ? sums.sum / sums.period : Number.NaN;
  },
});
