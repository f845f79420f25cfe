import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { RollingExtreme } from "../../../lib/rolling-extreme.ts";
import { candlesInput, periodParam } from "../params.ts";

export const donchianNode = defineNode({
  type: "indicator.donchian",
  version: 1,
  category: "indicator",
  title: "Donchian channel",
  description:
    "Upper = highest high, lower = lowest low over the last n bars including the current one (TA-Lib MAX/MIN of high/low), middle = their average. First value at bar n − 1. A close can never break a channel that includes its own bar: for breakouts compare with the previous bar's channel (Lag 1).",
  inputs: candlesInput,
  outputs: {
    upper: { type: "number", label: "Upper" },
    middle: { type: "number", label: "Middle" },
    lower: { type: "number", label: "Lower" },
  },
  params: z.object({ period: periodParam(20, "Period", 1) }),
  warmup: (p) => p.period - 1,
  init: (p) => ({ highest: new RollingExtreme(p.period, true), lowest: new RollingExtreme(p.period, false) }),
  step: (s, io, i) => {
    const c = io.in.candles;
    const upper = s.highest.push(c.high[i]!);
    const lower = s.lowest.push(c.low[i]!);
    io.out.upper[i] = upper;
    io.out.lower[i] = lower;
    io.out.middle[i] = (upper + lower) / 2;
  },
});
