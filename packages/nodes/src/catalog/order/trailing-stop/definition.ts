import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import type { ExitRuleSource } from "../../../runtime-types.ts";
import { checkDistanceWiring, distanceAt, distanceParams } from "../shared/distance.ts";

export const trailingStopNode = defineNode({
  type: "order.trailingStop",
  version: 1,
  category: "order",
  title: "Trailing stop",
  description:
    "A stop that follows the best price since entry at a percent or k × ATR behind it and never moves back. With ATR, the distance is re-read on every closed bar while the position is open.",
  inputs: {
    atr: { type: "number", label: "ATR", description: "Needed when the distance is an ATR multiple." },
  },
  outputs: { rule: { type: "exitRule", label: "Trailing stop" } },
  params: z.object(distanceParams(3, 3)),
  checkWiring: checkDistanceWiring,
  warmup: () => 0,
  init: (p, io, info) => {
    const source: ExitRuleSource = {
      nodeId: info.nodeId,
      ruleAt: (i) => {
        const distance = distanceAt(p, io.in.atr, i);
        return distance ? { kind: "trailingStop", source, ...distance } : null;
      },
    };
    io.out.rule = Object.freeze(source);
    return null;
  },
  step: () => {},
});
