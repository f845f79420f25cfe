import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import type { ExitRuleSource } from "../../../runtime-types.ts";
import { checkDistanceWiring, distanceAt, distanceParams } from "../shared/distance.ts";

export const stopLossNode = defineNode({
  type: "order.stopLoss",
  version: 1,
  category: "order",
  title: "Stop-loss",
  description:
    "Closes the position when price moves against it by a percent of the entry price or by k × ATR (ATR taken at the signal bar). Attach to an entry's exit rules.",
  inputs: {
    atr: { type: "number", label: "ATR", description: "Needed when the distance is an ATR multiple." },
  },
  outputs: { rule: { type: "exitRule", label: "Stop-loss" } },
  params: z.object(distanceParams(2, 2)),
  checkWiring: checkDistanceWiring,
  warmup: () => 0,
  init: (p, io, info) => {
    const source: ExitRuleSource = {
      nodeId: info.nodeId,
      ruleAt: (i) => {
        const distance = distanceAt(p, io.in.atr, i);
        return distance ? { kind: "stopLoss", ...distance } : null;
      },
    };
    io.out.rule = Object.freeze(source);
    return null;
  },
  step: () => {},
});
