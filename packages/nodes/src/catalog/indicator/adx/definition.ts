import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { DirectionalKernel } from "../../../lib/directional-kernel.ts";
import { candlesInput, periodParam } from "../params.ts";

export const adxNode = defineNode({
  type: "indicator.adx",
  version: 1,
  category: "indicator",
  title: "ADX / DMI",
  description:
    "Trend strength (ADX, 0–100) with the directional indicators +DI and −DI, Wilder smoothing, no rounding. TA-Lib convention: DM and TR summed over the first n − 1 moves; +DI/−DI start at bar n, ADX (mean of the first n DX values, then smoothed) at bar 2n − 1 (matches TA-Lib ADX, PLUS_DI, MINUS_DI).",
  inputs: candlesInput,
  outputs: {
    adx: { type: "number", label: "ADX" },
    plusDI: { type: "number", label: "+DI" },
    minusDI: { type: "number", label: "−DI" },
  },
  params: z.object({ period: periodParam(14) }),
  warmup: (p) => 2 * p.period - 1,
  init: (p) => new DirectionalKernel(p.period),
  step: (dmi, io, i) => {
    const c = io.in.candles;
    dmi.push(c.high[i]!, c.low[i]!, c.close[i]!);
    io.out.adx[i] = dmi.adx;
    io.out.plusDI[i] = dmi.plusDI;
    io.out.minusDI[i] = dmi.minusDI;
  },
});
