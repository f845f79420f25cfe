import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { RingBuffer } from "../../../lib/ring-buffer.ts";
import { barsParam } from "../../params.ts";

export const lagNode = defineNode({
  type: "math.lag",
  version: 1,
  category: "math",
  title: "Lag (n bars ago)",
  description: "The value n bars ago. Not ready for the first n bars.",
  inputs: { source: { type: "number", label: "Source", required: true } },
  outputs: { value: { type: "number", label: "n bars ago" } },
  params: z.object({ bars: barsParam({ label: "Bars ago", optimisable: true }, 1) }),
  warmup: (p) => p.bars,
  init: (p) => new RingBuffer(p.bars + 1),
  // Batch loop in this module so the step inlines (see NodeDefinition.stepRange).
  stepRange(s, io, from, to, ctx, p) {
    for (let i = from; i < to; i++) this.step(s, io, i, ctx, p);
  },
  step: (window, io, i) => {
    window.push(io.in.source[i]!);
    io.out.value[i] = window.full ? window.ago(window.size - 1) : Number.NaN;
  },
});
