import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { RollingExtreme } from "../../../lib/rolling-extreme.ts";
import { RollingSum } from "../../../lib/rolling-sum.ts";
import { candlesInput, periodParam } from "../params.ts";
import { stochasticK } from "./stochastic-k.ts";

export const stochasticNode = defineNode({
  type: "indicator.stochastic",
  version: 1,
  category: "indicator",
  title: "Stochastic",
  description:
    "Slow stochastic (0–100): fast %K = where the close sits in the high–low range of the last K bars; slow %K = SMA of fast %K; %D = SMA of slow %K. TA-Lib STOCH convention with SMA smoothing; both lines start at bar K + slowK + D − 3 (matches TA-Lib STOCH). A flat range reads 0.",
  inputs: candlesInput,
  outputs: { k: { type: "number", label: "%K" }, d: { type: "number", label: "%D" } },
  params: z.object({
    kPeriod: periodParam(14, "%K period", 1),
    kSmoothing: periodParam(3, "%K smoothing", 1),
    dPeriod: periodParam(3, "%D period", 1),
  }),
  warmup: (p) => p.kPeriod - 1 + p.kSmoothing - 1 + p.dPeriod - 1,
  init: (p) => ({
    highest: new RollingExtreme(p.kPeriod, true),
    lowest: new RollingExtreme(p.kPeriod, false),
    slowK: new RollingSum(p.kSmoothing),
    d: new RollingSum(p.dPeriod),
  }),
  step: (s, io, i) => {
    const c = io.in.candles;
    io.out.k[i] = Number.NaN;
    io.out.d[i] = Number.NaN;
    const high = s.highest.push(c.high[i]!);
    const low = s.lowest.push(c.low[i]!);
    if (Number.isNaN(high)) return;
    if (!s.slowK.push(stochasticK(c.close[i]!, high, low))) return;
    const k = s.slowK.sum / s.slowK.period;
    if (!s.d.push(k)) return;
    io.out.k[i] = k;
    io.out.d[i] = s.d.sum / s.d.period;
  },
});
