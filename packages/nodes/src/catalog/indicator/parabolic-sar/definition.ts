import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { candlesInput, multiplierParam } from "../params.ts";
import { SarKernel } from "./sar-kernel.ts";

export const parabolicSarNode = defineNode({
  type: "indicator.parabolicSar",
  version: 1,
  category: "indicator",
  title: "Parabolic SAR",
  description:
    "Wilder's stop-and-reverse: a trailing level that accelerates toward price (step added each new extreme, up to the maximum) and flips side when touched. Value at bar i is the SAR in force during bar i (TA-Lib SAR: first value at bar 1, first direction from bar 1's directional movement; matches TA-Lib SAR). isLong is 1 while the SAR is below price.",
  inputs: candlesInput,
  outputs: {
    value: { type: "number", label: "SAR" },
    isLong: { type: "boolean", label: "Long side" },
  },
  params: z.object({
    acceleration: multiplierParam(0.02, "Acceleration step", 0.001, 1, 0.001),
    maximum: multiplierParam(0.2, "Maximum acceleration", 0.001, 1, 0.01),
  }),
  warmup: () => 1,
  init: (p) => new SarKernel(p.acceleration, p.maximum),
  step: (sar, io, i) => {
    const c = io.in.candles;
    const value = sar.push(c.high[i]!, c.low[i]!);
    io.out.value[i] = value;
    io.out.isLong[i] = Number.isNaN(value) ? Number.NaN : sar.isLong ? 1 : 0;
  },
});
