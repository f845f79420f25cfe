import { z } from "zod";
import { percentParam } from "../../params.ts";
import { accountGateNode, deny, pct } from "../shared/gate.ts";

export const minProfitAfterFeesGate = accountGateNode({
  type: "risk.minProfitAfterFees",
  title: "Fee-aware minimum profit",
  description:
    "Refuses entries whose take-profit would not clear the round-trip taker fees plus a margin: target distance ÷ price must exceed 2 × fee rate + margin. Entries without a take-profit are refused.",
  params: z.object({
    marginPercent: percentParam({ label: "Margin above fees", optimisable: true }, 0.2, 0, 50),
  }),
  createCheck: (p) => (order) => {
    if (order.targetPrice === undefined) return deny("the entry has no take-profit to compare with fees");
    const reward = Math.abs(order.targetPrice - order.referencePrice) / order.referencePrice;
    const needed = 2 * order.feeRate + p.marginPercent / 100;
    return reward > needed
      ? { allowed: true }
      : deny(`target ${pct(reward)} away does not clear fees + margin (${pct(needed)})`);
  },
});
