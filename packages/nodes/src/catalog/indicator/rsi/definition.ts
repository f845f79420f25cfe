import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { RsiKernel } from "../../../lib/rsi-kernel.ts";
import { NAN_NOTE, periodParam, sourceInput } from "../params.ts";

export const rsiNode = defineNode({
  type: "indicator.rsi",
  version: 1,
  category: "indicator",
  title: "RSI",
  description: `Relative strength index (0–100) with Wilder smoothing. TA-Lib convention: average gain/loss seeded with the plain mean of the first n changes, first value at bar n, no rounding (matches TA-Lib RSI with unstable period 0). ${NAN_NOTE}`,
  inputs: sourceInput,
  outputs: { value: { type: "number", label: "RSI" } },
  params: z.object({ period: periodParam(14) }),
  warmup: (p) => p.period,
  init: (p) => new RsiKernel(p.period),
  // Batch loop in this module so the step inlines (see NodeDefinition.stepRange).
  stepRange(s, io, from, to, ctx, p) {
    for (let i = from; i < to; i++) this.step(s, io, i, ctx, p);
  },
  step: (rsi, io, i) => {
    const x = io.in.source[i]!;
    io.out.value[i] = Number.isNaN(x) ? Number.NaN : rsi.push(x);
  },
});
