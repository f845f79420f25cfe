import { z } from "zod";
import { sizingNode } from "../shared/sizing.ts";

export const fixedQuantitySizeNode = sizingNode({
  type: "order.sizeFixedQuantity",
  title: "Size: fixed quantity",
  description: "Every entry buys or sells the same quantity of the base asset (e.g. 0.01 BTC).",
  params: z.object({
    quantity: z
      .number()
      .gt(0)
      .max(1e9)
      .default(0.01)
      .meta({ label: "Quantity", unit: "base asset", min: 0, step: 0.001 }),
  }),
  toSizing: (p) => ({ mode: "fixedQuantity", quantity: p.quantity }),
});
