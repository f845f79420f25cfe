import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { abInputs, levelParam } from "./operand.ts";

/**
 * Cross over: A > B now and A <= B on the previous bar (TradingView `ta.crossover`); cross under mirrors
 * it. Not ready until both sides have a value on two consecutive bars.
 */
export function crossNode(direction: "over" | "under") {
  const over = direction === "over";
  return defineNode({
    type: over ? "logic.crossOver" : "logic.crossUnder",
    version: 1,
    category: "logic",
    title: over ? "Cross over" : "Cross under",
    description: over
      ? "True on the bar where A moves above B (A > B now, A <= B on the previous bar)."
      : "True on the bar where A moves below B (A < B now, A >= B on the previous bar).",
    inputs: abInputs,
    outputs: { crossed: { type: "boolean", label: over ? "Crossed over" : "Crossed under" } },
    params: z.object({ value: levelParam }),
    warmup: () => 1,
    init: () => ({ previousA: Number.NaN, previousB: Number.NaN }),
    // Batch loop in this module so the step inlines (see NodeDefinition.stepRange).
    stepRange(s, io, from, to, ctx, p) {
      for (let i = from; i < to; i++) this.step(s, io, i, ctx, p);
    },
    step: (s, io, i, _ctx, p) => {
      const a = io.in.a[i]!;
      const b = io.in.b ? io.in.b[i]! : p.value;
      const ready =
        !Number.isNaN(a) && !Number.isNaN(b) && !Number.isNaN(s.previousA) && !Number.isNaN(s.previousB);
      const crossed = over ? a > b && s.previousA <= s.previousB : a < b && s.previousA >= s.previousB;
      io.out.crossed[i] = ready ? (crossed ? 1 : 0) : Number.NaN;
      s.previousA = a;
      s.previousB = b;
    },
  });
}
