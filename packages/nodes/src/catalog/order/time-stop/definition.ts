import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import type { ExitRule, ExitRuleSource } from "../../../runtime-types.ts";
import { barsParam } from "../../params.ts";

export const timeStopNode = defineNode({
  type: "order.timeStop",
  version: 1,
  category: "order",
  title: "Time stop",
  description: "Closes the position at the next bar's open once it has been held the given number of bars.",
  inputs: {},
  outputs: { rule: { type: "exitRule", label: "Time stop" } },
  params: z.object({ maxBars: barsParam({ label: "Max bars held", optimisable: true }, 48) }),
  warmup: () => 0,
  init: (p, io, info) => {
    const rule: ExitRule = Object.freeze({ kind: "timeStop", maxBars: p.maxBars });
    const source: ExitRuleSource = { nodeId: info.nodeId, ruleAt: () => rule };
    io.out.rule = Object.freeze(source);
    return null;
  },
  step: () => {},
});
