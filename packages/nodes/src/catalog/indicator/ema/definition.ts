import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { Ema } from "../../../lib/ema.ts";
import { NAN_NOTE, periodParam, sourceInput } from "../params.ts";

export const emaNode = defineNode({
  type: "indicator.ema",
  version: 1,
  category: "indicator",
  title: "EMA",
  description: `Exponential moving average, k = 2 / (n + 1). TA-Lib convention: seeded with the SMA of the first n values, so the first value is at bar n − 1 (matches TA-Lib EMA). ${NAN_NOTE}`,
  inputs: sourceInput,
  outputs: { value: { type: "number", label: "EMA" } },
  params: z.object({ period: periodParam(20) }),
  warmup: (p) => p.period - 1,
  init: (p) => new Ema(p.period),
  // Batch loop in this module so the step inlines (see NodeDefinition.stepRange).
  stepRange(s, io, from, to, ctx, p) {
    for (let i = from; i < to; i++) this.step(s, io, i, ctx, p);
  },
  step: (ema, io, i) => {
    const x = io.in.source[i]!;
    io.out.value[i] = Number.isNaN(x) ? Number.NaN : ema.push(x);
  },
});
