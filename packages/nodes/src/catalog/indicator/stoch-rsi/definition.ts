import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { RollingExtreme } from "../../../lib/rolling-extreme.ts";
import { RollingSum } from "../../../lib/rolling-sum.ts";
import { RsiKernel } from "../../../lib/rsi-kernel.ts";
import { NAN_NOTE, periodParam, sourceInput } from "../params.ts";
import { stochasticK } from "../stochastic/stochastic-k.ts";

export const stochRsiNode = defineNode({
  type: "indicator.stochRsi",
  version: 1,
  category: "indicator",
  title: "Stochastic RSI",
  description: `Stochastic of the RSI (0–100): %K = where the RSI sits in its range over the last K bars, %D = SMA of %K. TA-Lib STOCHRSI convention (fast stochastic, SMA %D, no extra %K smoothing, Wilder RSI); both lines start at bar rsi + K + D − 2 (matches TA-Lib STOCHRSI). A flat RSI range reads 0. ${NAN_NOTE}`,
  inputs: sourceInput,
  outputs: { k: { type: "number", label: "%K" }, d: { type: "number", label: "%D" } },
  params: z.object({
    rsiPeriod: periodParam(14, "RSI period"),
    kPeriod: periodParam(14, "%K period", 1),
    dPeriod: periodParam(3, "%D period", 1),
  }),
  warmup: (p) => p.rsiPeriod + p.kPeriod - 1 + p.dPeriod - 1,
  init: (p) => ({
    rsi: new RsiKernel(p.rsiPeriod),
    highest: new RollingExtreme(p.kPeriod, true),
    lowest: new RollingExtreme(p.kPeriod, false),
    d: new RollingSum(p.dPeriod),
  }),
  step: (s, io, i) => {
    const x = io.in.source[i]!;
    io.out.k[i] = Number.NaN;
    io.out.d[i] = Number.NaN;
    if (Number.isNaN(x)) return;
    const rsi = s.rsi.push(x);
    if (Number.isNaN(rsi)) return;
    const high = s.highest.push(rsi);
    const low = s.lowest.push(rsi);
    if (Number.isNaN(high)) return;
    const k = stochasticK(rsi, high, low);
    if (!s.d.push(k)) return;
    io.out.k[i] = k;
    io.out.d[i] = s.d.sum / s.d.period;
  },
});
