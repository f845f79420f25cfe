import { z } from "zod";
import { defineNode } from "../../../contract.ts";

/** And / or over any number of conditions; not ready while any condition is not ready. */
export function combineNode(kind: "and" | "or") {
  const all = kind === "and";
  return defineNode({
    type: all ? "logic.and" : "logic.or",
    version: 1,
    category: "logic",
    title: all ? "And" : "Or",
    description: all
      ? "True when every connected condition is true. Not ready while any condition is not ready."
      : "True when at least one connected condition is true. Not ready while any condition is not ready.",
    inputs: { conditions: { type: "boolean", label: "Conditions", required: true, multiple: true } },
    outputs: { result: { type: "boolean", label: all ? "All true" : "Any true" } },
    params: z.object({}),
    warmup: () => 0,
    init: () => null,
    // Batch loop in this module so the step inlines (see NodeDefinition.stepRange).
    stepRange(s, io, from, to, ctx, p) {
      for (let i = from; i < to; i++) this.step(s, io, i, ctx, p);
    },
    step: (_s, io, i) => {
      let result = all ? 1 : 0;
      for (const condition of io.in.conditions) {
        const value = condition[i]!;
        if (Number.isNaN(value)) {
          result = Number.NaN;
          break;
        }
        if (all && value !== 1) result = 0;
        if (!all && value === 1) result = 1;
      }
      io.out.result[i] = result;
    },
  });
}
