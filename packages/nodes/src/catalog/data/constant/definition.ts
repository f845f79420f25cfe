import { z } from "zod";
import { defineNode } from "../../../contract.ts";

export const constantNode = defineNode({
  type: "data.constant",
  version: 1,
  category: "data",
  title: "Constant",
  description: "The same number on every bar (a threshold or level). Fits any clock.",
  inputs: {},
  outputs: { value: { type: "number", label: "Value" } },
  params: z.object({
    value: z.number().min(-1e15).max(1e15).default(0).meta({ label: "Value", optimisable: true }),
  }),
  warmup: () => 0,
  init: () => null,
  // Batch loop in this module so the step inlines (see NodeDefinition.stepRange).
  stepRange(s, io, from, to, ctx, p) {
    for (let i = from; i < to; i++) this.step(s, io, i, ctx, p);
  },
  step: (_s, io, i, _ctx, p) => {
    io.out.value[i] = p.value;
  },
});
