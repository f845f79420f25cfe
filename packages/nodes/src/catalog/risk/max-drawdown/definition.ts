import { z } from "zod";
import { percentParam } from "../../params.ts";
import { accountGateNode, deny, pct } from "../shared/gate.ts";

export const maxDrawdownGate = accountGateNode({
  type: "risk.maxDrawdown",
  title: "Max drawdown limit",
  description: "Refuses new entries while equity is this percent or more below its peak.",
  params: z.object({
    maxDrawdownPercent: percentParam({ label: "Max drawdown", optimisable: true }, 20, 0.01, 100),
  }),
  createCheck: (p) => (_order, account) => {
    const drawdown = (account.peakEquity - account.equity) / account.peakEquity;
    return drawdown >= p.maxDrawdownPercent / 100
      ? deny(`drawdown ${pct(drawdown)} reached the ${p.maxDrawdownPercent}% limit`)
      : { allowed: true };
  },
});
