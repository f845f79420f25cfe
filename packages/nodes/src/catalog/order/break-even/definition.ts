import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import type { ExitRule, ExitRuleSource } from "../../../runtime-types.ts";
import { percentParam } from "../../params.ts";

export const breakEvenNode = defineNode({
  type: "order.breakEven",
  version: 1,
  category: "order",
  title: "Break-even stop",
  description:
    "Once price has moved the trigger percent in the position's favour, moves the stop to the entry price plus an offset (use the offset to cover fees).",
  inputs: {},
  outputs: { rule: { type: "exitRule", label: "Break-even" } },
  params: z.object({
    triggerPercent: percentParam({ label: "Trigger after", optimisable: true }, 1, 0.01, 100),
    offsetPercent: percentParam({ label: "Stop offset" }, 0.2, 0, 50),
  }),
  warmup: () => 0,
  init: (p, io, info) => {
    const rule: ExitRule = Object.freeze({
      kind: "breakEven",
      triggerPercent: p.triggerPercent / 100,
      offsetPercent: p.offsetPercent / 100,
    });
    const source: ExitRuleSource = { nodeId: info.nodeId, ruleAt: () => rule };
    io.out.rule = Object.freeze(source);
    return null;
  },
  step: () => {},
});
