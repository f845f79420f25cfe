import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { AtrKernel } from "../../../lib/atr-kernel.ts";
import { candlesInput, periodParam } from "../params.ts";

export const atrNode = defineNode({
  type: "indicator.atr",
  version: 1,
  category: "indicator",
  title: "ATR",
  description:
    "Average true range in price units, Wilder smoothing. TA-Lib convention: seeded with the mean of the first n true ranges (bar 0 has none), first value at bar n (matches TA-Lib ATR with unstable period 0).",
  inputs: candlesInput,
  outputs: { value: { type: "number", label: "ATR" } },
  params: z.object({ period: periodParam(14, "Period", 1) }),
  warmup: (p) => p.period,
  init: (p) => new AtrKernel(p.period),
  // Batch loop in this module so the step inlines (see NodeDefinition.stepRange).
  stepRange(s, io, from, to, ctx, p) {
    for (let i = from; i < to; i++) this.step(s, io, i, ctx, p);
  },
  step: (atr, io, i) => {
    const c = io.in.candles;
    io.out.value[i] = atr.push(c.high[i]!, c.low[i]!, c.close[i]!);
  },
});
