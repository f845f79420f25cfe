import { z } from "zod";
import { sizingNode } from "../shared/sizing.ts";

export const allInSizeNode = sizingNode({
  type: "order.sizeAllIn",
  title: "Size: all in",
  description: "Uses all available cash (after fees), in whole units or fractional units (crypto).",
  params: z.object({
    wholeUnits: z.boolean().default(false).meta({ label: "Whole units only" }),
  }),
  toSizing: (p) => ({ mode: "allIn", wholeUnits: p.wholeUnits }),
});
