import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { Ema } from "../../../lib/ema.ts";
import { NAN_NOTE, periodParam, sourceInput } from "../params.ts";

export const macdNode = defineNode({
  type: "indicator.macd",
  version: 1,
  category: "indicator",
  title: "MACD",
  description: `MACD line = EMA(fast) − EMA(slow), signal = EMA of the line, histogram = line − signal. TA-Lib convention: the fast EMA is seeded with the SMA of the fast window ending at bar slow − 1 (not at bar fast − 1), and all three outputs start together at bar slow + signal − 2 (matches TA-Lib MACD). ${NAN_NOTE}`,
  inputs: sourceInput,
  outputs: {
    macd: { type: "number", label: "MACD" },
    signal: { type: "number", label: "Signal" },
    histogram: { type: "number", label: "Histogram" },
  },
  params: z
    .object({
      fastPeriod: periodParam(12, "Fast period"),
      slowPeriod: periodParam(26, "Slow period"),
      signalPeriod: periodParam(9, "Signal period", 1),
    })
    .refine((p) => p.fastPeriod < p.slowPeriod, {
      message: "fast period must be shorter than slow period",
      path: ["fastPeriod"],
    }),
  warmup: (p) => p.slowPeriod - 1 + (p.signalPeriod - 1),
  init: (p) => ({
    fast: new Ema(p.fastPeriod, 2 / (p.fastPeriod + 1), p.slowPeriod),
    slow: new Ema(p.slowPeriod),
    signal: new Ema(p.signalPeriod),
  }),
  step: (s, io, i) => {
    const x = io.in.source[i]!;
    const { macd, signal, histogram } = io.out;
    macd[i] = Number.NaN;
    signal[i] = Number.NaN;
    histogram[i] = Number.NaN;
    if (Number.isNaN(x)) return;
    const slow = s.slow.push(x);
    const fast = s.fast.push(x);
    if (Number.isNaN(slow)) return;
    const line = fast - slow;
    const sig = s.signal.push(line);
    if (Number.isNaN(sig)) return;
    macd[i] = line;
    signal[i] = sig;
    histogram[i] = line - sig;
  },
});
