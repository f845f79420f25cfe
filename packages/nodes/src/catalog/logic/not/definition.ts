import { z } from "zod";
import { defineNode } from "../../../contract.ts";

export const notNode = defineNode({
  type: "logic.not",
  version: 1,
  category: "logic",
  title: "Not",
  description: "True when the condition is false, false when it is true; not ready stays not ready.",
  inputs: { condition: { type: "boolean", label: "Condition", required: true } },
  outputs: { result: { type: "boolean", label: "Not" } },
  params: z.object({}),
  warmup: () => 0,
  init: () => null,
  // Batch loop in this module so the step inlines (see NodeDefinition.stepRange).
  stepRange(s, io, from, to, ctx, p) {
    for (let i = from; i < to; i++) this.step(s, io, i, ctx, p);
  },
  step: (_s, io, i) => {
    const value = io.in.condition[i]!;
    io.out.result[i] = Number.isNaN(value) ? Number.NaN : value === 1 ? 0 : 1;
  },
});
