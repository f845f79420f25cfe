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
  init: () => null,
  step: (_s, io, i, _ctx, p) => {
    const a = io.in.a[i]!;
    const b = io.in.b ? io.in.b[i]! : p.value;
    let result: boolean;
    switch (p.operator) {
      case ">":
        result = a > b;
        break;
      case ">=":
        result = a >= b;
        break;
      case "<":
        result = a < b;
        break;
      case "<=":
        result = a <= b;
        break;
      case "==":
        result = a === b;
        break;
      case "!=":
        result = a !== b;
        break;
    }
    io.out.result[i] = bool(result, a, b);
  },
});
