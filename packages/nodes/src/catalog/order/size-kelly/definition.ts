import { z } from "zod";
import { percentParam } from "../../params.ts";
import { sizingNode } from "../shared/sizing.ts";

export const kellySizeNode = sizingNode({
  type: "order.sizeKelly",
  title: "Size: capped Kelly",
  description:
    "Kelly fraction f = W − (1 − W) ÷ R from the run's own closed trades so far (W win rate, R average win ÷ average loss), times a fraction, capped. Until enough trades exist, uses the fallback percent.",
  params: z.object({
    fraction: z
      .number()
      .gt(0)
      .max(1)
      .default(0.5)
      .meta({ label: "Kelly fraction", min: 0, max: 1, step: 0.05, optimisable: true }),
    maxPercent: percentParam({ label: "Cap" }, 20, 0.01, 100),
    minTrades: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .default(20)
      .meta({ label: "Trades before Kelly", unit: "trades", min: 1, step: 1 }),
    fallbackPercent: percentParam({ label: "Fallback size" }, 5, 0.01, 100),
  }),
  toSizing: (p) => ({
    mode: "kelly",
    fraction: p.fraction,
    maxPercent: p.maxPercent / 100,
    minTrades: p.minTrades,
    fallbackPercent: p.fallbackPercent / 100,
  }),
});
