import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { barsParam } from "../../params.ts";

/**
 * Rising (falling) for n bars: each of the last n values is strictly above (below) the one before.
 * Needs n + 1 ready values; a not-ready value restarts the count.
 */
export function streakNode(direction: "rising" | "falling") {
  const rising = direction === "rising";
  return defineNode({
    type: rising ? "logic.rising" : "logic.falling",
    version: 1,
    category: "logic",
    title: rising ? "Rising for n bars" : "Falling for n bars",
    description: rising
      ? "True when the value rose on each of the last n bars (each value strictly above the previous one)."
      : "True when the value fell on each of the last n bars (each value strictly below the previous one).",
    inputs: { source: { type: "number", label: "Source", required: true } },
    outputs: { result: { type: "boolean", label: rising ? "Rising" : "Falling" } },
    params: z.object({ bars: barsParam({ label: "Bars", optimisable: true }, 3) }),
    warmup: (p) => p.bars,
    init: () => ({ previous: Number.NaN, comparisons: 0, streak: 0 }),
    // Batch loop in this module so the step inlines (see NodeDefinition.stepRange).
    stepRange(s, io, from, to, ctx, p) {
      for (let i = from; i < to; i++) this.step(s, io, i, ctx, p);
    },
    step: (s, io, i, _ctx, p) => {
      const x = io.in.source[i]!;
      if (Number.isNaN(x) || Number.isNaN(s.previous)) {
        s.comparisons = 0;
        s.streak = 0;
      } else {
        s.comparisons++;
        s.streak = (rising ? x > s.previous : x < s.previous) ? s.streak + 1 : 0;
      }
      s.previous = x;
      io.out.result[i] = s.comparisons < p.bars ? Number.NaN : s.streak >= p.bars ? 1 : 0;
    },
  });
}
