import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { abInputs, bool, levelParam } from "../shared/operand.ts";

const OPERATORS = [">", ">=", "<", "<=", "==", "!="] as const;

export const compareNode = defineNode({
  type: "logic.compare",
  version: 1,
  category: "logic",
  title: "Compare",
  description:
    "True when A op B on the bar (>, >=, <, <=, ==, !=). Not ready while either side is not ready.",
  inputs: abInputs,
  outputs: { result: { type: "boolean", label: "Result" } },
  params: z.object({
    operator: z.enum(OPERATORS).default(">").meta({ label: "Operator" }),
    value: levelParam,
  }),
  warmup: () => 0,
  init: (p) => ({ test: TESTS[p.operator] }),
  // Batch loop in this module so the step inlines (see NodeDefinition.stepRange).
  stepRange(s, io, from, to, ctx, p) {
    for (let i = from; i < to; i++) this.step(s, io, i, ctx, p);
  },
  step: (s, io, i, _ctx, p) => {
    const a = io.in.a[i]!;
    const b = io.in.b ? io.in.b[i]! : p.value;
    io.out.result[i] = bool(s.test(a, b), a, b);
  },
});

/** Chosen once per node: a per-bar string switch costs more than the comparison. */
const TESTS: Record<(typeof OPERATORS)[number], (a: number, b: number) => boolean> = {
  ">": (a, b) => a > b,
  ">=": (a, b) => a >= b,
  "<": (a, b) => a < b,
  "<=": (a, b) => a <= b,
  "==": (a, b) => a === b,
  "!=": (a, b) => a !== b,
};
