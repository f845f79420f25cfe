import { z } from "zod";
import { percentParam } from "../../params.ts";
import { sizingNode } from "../shared/sizing.ts";

export const percentEquitySizeNode = sizingNode({
  type: "order.sizePercentEquity",
  title: "Size: % of equity",
  description:
    "Each entry's notional is this percent of current equity (marked to market at the signal close).",
  params: z.object({ percent: percentParam({ label: "Equity", optimisable: true }, 10, 0.01, 100) }),
  toSizing: (p) => ({ mode: "percentEquity", percent: p.percent / 100 }),
});
