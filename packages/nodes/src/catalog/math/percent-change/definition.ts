import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { RingBuffer } from "../../../lib/ring-buffer.ts";
import { barsParam } from "../../params.ts";

export const percentChangeNode = defineNode({
  type: "math.percentChange",
  version: 1,
  category: "math",
  title: "Percent change",
  description: "(x ÷ x n bars ago − 1) × 100. Not ready for the first n bars or when the old value is 0.",
  inputs: { source: { type: "number", label: "Source", required: true } },
  outputs: { value: { type: "number", label: "Change %" } },
  params: z.object({ bars: barsParam({ label: "Over bars", optimisable: true }, 1) }),
  warmup: (p) => p.bars,
  init: (p) => new RingBuffer(p.bars + 1),
  // Batch loop in this module so the step inlines (see NodeDefinition.stepRange).
  stepRange(s, io, from, to, ctx, p) {
    for (let i = from; i < to; i++) this.step(s, io, i, ctx, p);
  },
  step: (window, io, i) => {
    const x = io.in.source[i]!;
    window.push(x);
    const old = window.full ? window.ago(window.size - 1) : Number.NaN;
    io.out.value[i] = old === 0 ? Number.NaN : (x / old - 1) * 100;
  },
});
