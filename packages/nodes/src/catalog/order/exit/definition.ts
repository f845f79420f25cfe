import { z } from "zod";
import { defineNode } from "../../../contract.ts";

export const exitNode = defineNode({
  type: "order.exit",
  version: 1,
  category: "order",
  title: "Exit",
  description:
    "Closes the open position (long, short or either) at the next bar's open when the condition is true at a bar's close. Risk gates never block an exit: reducing exposure is always allowed, so the risk input is optional and only recorded.",
  inputs: {
    when: { type: "boolean", label: "When", required: true },
    risk: { type: "risk", label: "Risk gates" },
  },
  outputs: {},
  params: z.object({
    side: z
      .enum(["long", "short", "any"])
      .default("any")
      .meta({ label: "Closes", description: "Which position this exit closes." }),
  }),
  emitsOrders: "exit",
  warmup: () => 0,
  init: (_p, _io, info) => ({ nodeId: info.nodeId }),
  step: (s, io, i, ctx, p) => {
    if (io.in.when[i] !== 1) return;
    ctx.emit({
      nodeId: s.nodeId,
      action: "exit",
      orderType: "market",
      exitSide: p.side,
      barIndex: i,
      time: ctx.candles.time[i]!,
      referencePrice: ctx.candles.close[i]!,
      exits: [],
      sizing: null,
      riskGates: io.in.risk ? io.in.risk.gates : [],
    });
  },
});
