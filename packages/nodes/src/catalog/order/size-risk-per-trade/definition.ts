import { z } from "zod";
import { percentParam } from "../../params.ts";
import { sizingNode } from "../shared/sizing.ts";

export const riskPerTradeSizeNode = sizingNode({
  type: "order.sizeRiskPerTrade",
  title: "Size: risk per trade",
  description:
    "Sizes each entry so that hitting its stop-loss loses this percent of equity: quantity = equity × risk ÷ stop distance. Needs a stop-loss on the entry.",
  params: z.object({
    riskPercent: percentParam({ label: "Risk per trade", optimisable: true }, 1, 0.01, 20),
  }),
  toSizing: (p) => ({ mode: "riskPerTrade", riskPercent: p.riskPercent / 100 }),
});
