import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import type { ExitRuleSource } from "../../../runtime-types.ts";
import { numberParam } from "../../params.ts";
import { checkDistanceWiring, distanceAt, distanceParams } from "../shared/distance.ts";

export const takeProfitNode = defineNode({
  type: "order.takeProfit",
  version: 1,
  category: "order",
  title: "Take-profit",
  description:
    "Closes the position at a target a percent or k × ATR away from the entry. With a minimum reward:risk, the target is pushed out to at least that multiple of the stop distance (0 = off).",
  inputs: {
    atr: { type: "number", label: "ATR", description: "Needed when the distance is an ATR multiple." },
  },
  outputs: { rule: { type: "exitRule", label: "Take-profit" } },
  params: z.object({
    ...distanceParams(4, 3),
    minRewardRisk: numberParam({ label: "Min reward:risk", step: 0.1, optimisable: true }, 1.5, 0, 20),
  }),
  checkWiring: checkDistanceWiring,
  warmup: () => 0,
  init: (p, io, info) => {
    const source: ExitRuleSource = {
      nodeId: info.nodeId,
      ruleAt: (i) => {
        const distance = distanceAt(p, io.in.atr, i);
        if (!distance) return null;
        return p.minRewardRisk > 0
          ? { kind: "takeProfit", minRewardRisk: p.minRewardRisk, ...distance }
          : { kind: "takeProfit", ...distance };
      },
    };
    io.out.rule = Object.freeze(source);
    return null;
  },
  step: () => {},
});
