import { z } from "zod";
import { percentParam } from "../../params.ts";
import { accountGateNode, deny, pct } from "../shared/gate.ts";

export const dailyLossLimitGate = accountGateNode({
  type: "risk.dailyLossLimit",
  title: "Daily loss limit",
  description:
    "Refuses new entries for the rest of the UTC day once equity has fallen this percent below the day's starting equity.",
  params: z.object({
    maxDailyLossPercent: percentParam({ label: "Max daily loss", optimisable: true }, 3, 0.01, 100),
  }),
  createCheck: (p) => (_order, account) => {
    const loss = (account.dayStartEquity - account.equity) / account.dayStartEquity;
    return loss >= p.maxDailyLossPercent / 100
      ? deny(`today's loss ${pct(loss)} reached the ${p.maxDailyLossPercent}% daily limit`)
      : { allowed: true };
  },
});
