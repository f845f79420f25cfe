import { z } from "zod";
import { percentParam } from "../../params.ts";
import { accountGateNode, deny, pct } from "../shared/gate.ts";

export const maxExposureGate = accountGateNode({
  type: "risk.maxExposure",
  title: "Max open positions / exposure",
  description:
    "Refuses a new position when the portfolio already holds the maximum number of positions, and caps the quantity so total open notional stays within a percent of equity.",
  params: z.object({
    maxOpenPositions: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(3)
      .meta({ label: "Max open positions", min: 1, step: 1 }),
    maxExposurePercent: percentParam({ label: "Max exposure" }, 100, 1, 1000),
  }),
  createCheck: (p) => (order, account) => {
    if (account.positionQuantity === 0 && account.openPositions >= p.maxOpenPositions) {
      return deny(`${account.openPositions} positions already open (limit ${p.maxOpenPositions})`);
    }
    const room = p.maxExposurePercent / 100 - account.exposure;
    if (room <= 0) return deny(`exposure ${pct(account.exposure)} is at the ${p.maxExposurePercent}% limit`);
    const maxQuantity = (room * account.equity) / order.referencePrice;
    return order.quantity <= maxQuantity ? { allowed: true } : { allowed: true, maxQuantity };
  },
});
