import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import type { ExitRule, OrderAction } from "../../../runtime-types.ts";
import { percentParam } from "../../params.ts";

const entryParams = z.object({
  orderType: z.enum(["market", "limit"]).default("market").meta({
    label: "Order type",
    description: "Market fills at the next bar's open; limit rests at an offset from the signal close.",
  }),
  limitOffsetPercent: percentParam(
    {
      label: "Limit offset",
      description: "How far below (long) or above (short) the signal close the limit rests.",
    },
    0.1,
    0,
    50,
  ),
});

/**
 * Enter long / enter short share one shape: when `when` is true on a closed bar, emit an intent that
 * carries the signal close, the attached exit rules and sizing, and the risk gates it must pass.
 * Level semantics: the intent is emitted on every true bar; the engine ignores it while already in that
 * position, and an opposite entry reverses the position.
 */
export function entryNode(action: Extract<OrderAction, "enterLong" | "enterShort">) {
  const long = action === "enterLong";
  return defineNode({
    type: long ? "order.enterLong" : "order.enterShort",
    version: 1,
    category: "order",
    title: long ? "Enter long" : "Enter short",
    description: `${long ? "Buys" : "Sells short"} when the condition is true at a bar's close (market: filled at the next bar's open; limit: resting ${long ? "below" : "above"} the close). Needs a risk gate; exit rules and sizing attach here.`,
    inputs: {
      when: { type: "boolean", label: "When", required: true },
      risk: { type: "risk", label: "Risk gates", required: true },
      exits: { type: "exitRule", label: "Exit rules", multiple: true },
      size: { type: "sizing", label: "Size" },
    },
    outputs: {},
    params: entryParams,
    emitsOrders: "entry",
    warmup: () => 0,
    init: (_p, _io, info) => ({ nodeId: info.nodeId }),
    step: (s, io, i, ctx, p) => {
      if (io.in.when[i] !== 1) return;
      const close = ctx.candles.close[i]!;
      const exits: ExitRule[] = [];
      for (const source of io.in.exits) {
        const rule = source.ruleAt(i);
        if (rule) exits.push(rule);
      }
      const offset = p.limitOffsetPercent / 100;
      ctx.emit({
        nodeId: s.nodeId,
        action,
        orderType: p.orderType,
        price: p.orderType === "limit" ? close * (long ? 1 - offset : 1 + offset) : undefined,
        barIndex: i,
        time: ctx.candles.time[i]!,
        referencePrice: close,
        exits,
        sizing: io.in.size ? io.in.size.sizingAt(i) : null,
        riskGates: io.in.risk.gates,
      });
    },
  });
}
