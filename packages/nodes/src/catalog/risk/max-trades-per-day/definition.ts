import { z } from "zod";
import { accountGateNode, deny } from "../shared/gate.ts";

export const maxTradesPerDayGate = accountGateNode({
  type: "risk.maxTradesPerDay",
  title: "Max trades per day",
  description: "Refuses entries once this many entries have been filled in the current UTC day.",
  params: z.object({
    maxTrades: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(5)
      .meta({ label: "Max entries per day", unit: "trades", min: 1, step: 1, optimisable: true }),
  }),
  createCheck: (p) => (_order, account) =>
    account.entriesToday >= p.maxTrades
      ? deny(`${account.entriesToday} entries today already (limit ${p.maxTrades})`)
      : { allowed: true },
});
