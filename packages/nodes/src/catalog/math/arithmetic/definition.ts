import { z } from "zod";
import { defineNode } from "../../../contract.ts";

const OPERATIONS = ["add", "subtract", "multiply", "divide", "min", "max", "absDifference"] as const;

export const arithmeticNode = defineNode({
  type: "math.arithmetic",
  version: 1,
  category: "math",
  title: "Arithmetic",
  description:
    "A op B per bar: add, subtract, multiply, divide, min, max or |A − B|. B is the connected series, or the fixed value when B is not connected. Division by zero gives not-ready (NaN).",
  inputs: {
    a: { type: "number", label: "A", required: true },
    b: { type: "number", label: "B", description: "Leave unconnected to use the fixed value." },
  },
  outputs: { value: { type: "number", label: "Result" } },
  params: z.object({
    operation: z.enum(OPERATIONS).default("add").meta({ label: "Operation" }),
    value: z
      .number()
      .min(-1e15)
      .max(1e15)
      .default(0)
      .meta({ label: "B (when not connected)", optimisable: true }),
  }),
  warmup: () => 0,
  init: (p) => ({ apply: OPERATIONS_BY_NAME[p.operation] }),
  // Batch loop in this module so the step inlines (see NodeDefinition.stepRange).
  stepRange(s, io, from, to, ctx, p) {
    for (let i = from; i < to; i++) this.step(s, io, i, ctx, p);
  },
  step: (s, io, i, _ctx, p) => {
    io.out.value[i] = s.apply(io.in.a[i]!, io.in.b ? io.in.b[i]! : p.value);
  },
});

/** Chosen once per node: a per-bar string switch costs more than the arithmetic. */
const OPERATIONS_BY_NAME: Record<(typeof OPERATIONS)[number], (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => (b === 0 ? Number.NaN : a / b),
  min: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : Math.min(a, b)),
  max: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : Math.max(a, b)),
  absDifference: (a, b) => Math.abs(a - b),
};
