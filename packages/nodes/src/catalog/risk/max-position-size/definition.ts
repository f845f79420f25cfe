import { z } from "zod";
import { percentParam } from "../../params.ts";
import { accountGateNode, deny } from "../shared/gate.ts";

export const maxPositionSizeGate = accountGateNode({
  type: "risk.maxPositionSize",
  title: "Max position size",
  description:
    "Caps each entry's notional at a percent of current equity (the quantity is reduced, not refused).",
  params: z.object({ maxPercent: percentParam({ label: "Max size", optimisable: true }, 25, 0.01, 1000) }),
  createCheck: (p) => (order, account) => {
    const maxNotional = (p.maxPercent / 100) * account.equity;
    if (!(maxNotional > 0)) return deny("equity is not positive");
    if (order.notional <= maxNotional) return { allowed: true };
    return { allowed: true, maxQuantity: maxNotional / order.referencePrice };
  },
});
