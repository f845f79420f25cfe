import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { AtrKernel } from "../../../lib/atr-kernel.ts";
import { Ema } from "../../../lib/ema.ts";
import { candlesInput, multiplierParam, periodParam } from "../params.ts";

export const keltnerNode = defineNode({
  type: "indicator.keltner",
  version: 1,
  category: "indicator",
  title: "Keltner channel",
  description:
    "Middle = EMA(close, n); upper/lower = middle ± multiplier × ATR(m). EMA and ATR follow TA-Lib (SMA-seeded EMA, Wilder ATR seeded with the mean true range). First value when both are ready: bar max(n − 1, m). Not in TA-Lib.",
  inputs: candlesInput,
  outputs: {
    upper: { type: "number", label: "Upper" },
    middle: { type: "number", label: "Middle" },
    lower: { type: "number", label: "Lower" },
  },
  params: z.object({
    period: periodParam(20, "EMA period"),
    atrPeriod: periodParam(10, "ATR period", 1),
    multiplier: multiplierParam(2, "ATR multiplier", 0.1, 10, 0.1),
  }),
  warmup: (p) => Math.max(p.period - 1, p.atrPeriod),
  init: (p) => ({ ema: new Ema(p.period), atr: new AtrKernel(p.atrPeriod) }),
  step: (s, io, i, _ctx, p) => {
    const c = io.in.candles;
    const middle = s.ema.push(c.close[i]!);
    const offset = s.atr.push(c.high[i]!, c.low[i]!, c.close[i]!) * p.multiplier;
    const ready = !Number.isNaN(middle) && !Number.isNaN(offset);
    io.out.middle[i] = ready ? middle : Number.NaN;
    io.out.upper[i] = ready ? middle + offset : Number.NaN;
    io.out.lower[i] = ready ? middle - offset : Number.NaN;
  },
});
