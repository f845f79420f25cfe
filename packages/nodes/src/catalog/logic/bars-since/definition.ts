import { z } from "zod";
import { defineNode } from "../../../contract.ts";

export const barsSinceNode = defineNode({
  type: "logic.barsSince",
  version: 1,
  category: "logic",
  title: "Bars since",
  description:
    "Bars since the condition was last true (0 on a true bar). Not ready until it has been true once; not ready on bars where the condition is not ready.",
  inputs: { condition: { type: "boolean", label: "Condition", required: true } },
  outputs: { bars: { type: "number", label: "Bars since" } },
  params: z.object({}),
  warmup: () => 0,
  init: () => ({ lastTrue: -1 }),
  // Batch loop in this module so the step inlines (see NodeDefinition.stepRange).
  stepRange(s, io, from, to, ctx, p) {
    for (let i = from; i < to; i++) this.step(s, io, i, ctx, p);
  },
  step: (s, io, i) => {
    const value = io.in.condition[i]!;
    if (value === 1) s.lastTrue = i;
    io.out.bars[i] = Number.isNaN(value) || s.lastTrue < 0 ? Number.NaN : i - s.lastTrue;
  },
});
