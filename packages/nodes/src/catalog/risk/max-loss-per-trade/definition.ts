import { z } from "zod";
import { percentParam } from "../../params.ts";
import { accountGateNode, deny } from "../shared/gate.ts";

export const maxLossPerTradeGate = accountGateNode({
  type: "risk.maxLossPerTrade",
  title: "Max loss per trade",
  description:
    "Caps the quantity so that a trade stopped out at its stop-loss loses at most this percent of equity, counting entry and exit fees. Entries without a stop-loss are refused.",
  params: z.object({ maxLossPercent: percentParam({ label: "Max loss", optimisable: true }, 2, 0.01, 100) }),
  createCheck: (p) => (order, account) => {
    if (order.stopPrice === undefined) return deny("the entry has no stop-loss, so its loss is not bounded");
    const lossPerUnit =
      Math.abs(order.referencePrice - order.stopPrice) + 2 * order.referencePrice * order.feeRate;
    const maxQuantity = ((p.maxLossPercent / 100) * account.equity) / lossPerUnit;
    if (!(maxQuantity > 0)) return deny("equity is not positive");
    return order.quantity <= maxQuantity ? { allowed: true } : { allowed: true, maxQuantity };
  },
});
