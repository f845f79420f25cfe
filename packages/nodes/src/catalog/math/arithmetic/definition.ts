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
  init: () => null,
  step: (_s, io, i, _ctx, p) => {
    const a = io.in.a[i]!;
    const b = io.in.b ? io.in.b[i]! : p.value;
    let value: number;
    switch (p.operation) {
      case "add":
        value = a + b;
        break;
      case "subtract":
        value = a - b;
        break;
      case "multiply":
        value = a * b;
        break;
      case "divide":
        value = b === 0 ? Number.NaN : a / b;
        break;
      case "min":
        value = Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : Math.min(a, b);
        break;
      case "max":
        value = Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : Math.max(a, b);
        break;
      case "absDifference":
        value = Math.abs(a - b);
        break;
    }
    io.out.value[i] = value;
  },
});
