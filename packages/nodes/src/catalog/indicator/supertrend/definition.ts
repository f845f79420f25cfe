import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { AtrKernel } from "../../../lib/atr-kernel.ts";
import { candlesInput, multiplierParam, periodParam } from "../params.ts";

interface SupertrendState {
  atr: AtrKernel;
  upper: number;
  lower: number;
  /** +1 up (line below price), −1 down (line above price), 0 before the first value. */
  direction: number;
  previousClose: number;
}

export const supertrendNode = defineNode({
  type: "indicator.supertrend",
  version: 1,
  category: "indicator",
  title: "Supertrend",
  description:
    "Bands at hl2 ± multiplier × ATR(n) that only tighten while price stays inside them; the line is the lower band in an uptrend and the upper band in a downtrend, and the trend flips when the close crosses the line. ATR is Wilder's, TA-Lib-seeded (first value at bar n). Starts in a downtrend, as TradingView's ta.supertrend does. direction is +1 up / −1 down. Not in TA-Lib.",
  inputs: candlesInput,
  outputs: {
    value: { type: "number", label: "Supertrend" },
    direction: { type: "number", label: "Direction (+1/−1)" },
    isUptrend: { type: "boolean", label: "Uptrend" },
  },
  params: z.object({
    period: periodParam(10, "ATR period", 1),
    multiplier: multiplierParam(3, "ATR multiplier", 0.1, 20, 0.1),
  }),
  warmup: (p) => p.period,
  init: (p): SupertrendState => ({
    atr: new AtrKernel(p.period),
    upper: Number.NaN,
    lower: Number.NaN,
    direction: 0,
    previousClose: Number.NaN,
  }),
  step: (s, io, i, _ctx, p) => {
    const c = io.in.candles;
    const close = c.close[i]!;
    const atr = s.atr.push(c.high[i]!, c.low[i]!, close);
    const previousClose = s.previousClose;
    s.previousClose = close;
    if (Number.isNaN(atr)) {
      io.out.value[i] = io.out.direction[i] = io.out.isUptrend[i] = Number.NaN;
      return;
    }
    const hl2 = (c.high[i]! + c.low[i]!) / 2;
    const basicUpper = hl2 + p.multiplier * atr;
    const basicLower = hl2 - p.multiplier * atr;
    if (s.direction === 0) {
      s.upper = basicUpper;
      s.lower = basicLower;
      s.direction = -1;
    } else {
      // A band may only move toward price, unless the previous close already broke through it.
      const upper = basicUpper < s.upper || previousClose > s.upper ? basicUpper : s.upper;
      const lower = basicLower > s.lower || previousClose < s.lower ? basicLower : s.lower;
      if (s.direction === -1 && close > upper) s.direction = 1;
      else if (s.direction === 1 && close < lower) s.direction = -1;
      s.upper = upper;
      s.lower = lower;
    }
    io.out.value[i] = s.direction === 1 ? s.lower : s.upper;
    io.out.direction[i] = s.direction;
    io.out.isUptrend[i] = s.direction === 1 ? 1 : 0;
  },
});
