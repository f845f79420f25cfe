import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { RingBuffer } from "../../../lib/ring-buffer.ts";

export const smaNode = defineNode({
  type: "indicator.sma",
  version: 1,
  category: "indicator",
  title: "SMA",
  description: "Simple moving average: the mean of the last n values. First value after n bars (TA-Lib SMA).",
  inputs: { source: { type: "number", label: "Source", required: true } },
  outputs: { value: { type: "number", label: "SMA" } },
  params: z.object({
    period: z
      .number()
      .int()
      .min(1)
      .max(5000)
      .default(20)
      .meta({ label: "Period", unit: "bars", min: 1, max: 5000, step: 1, optimisable: true }),
  }),
  warmup: (p) => p.period - 1,
  init: (p) => ({ window: new RingBuffer(p.period), sum: 0, invalid: 0 }),
  step: (s, io, i) => {
    const x = io.in.source[i]!;
    const wasFull = s.window.full;
    const evicted = s.window.push(x);
    // A NaN inside the window makes the mean not ready; count NaNs instead of poisoning the sum.
    if (Number.isNaN(x)) s.invalid++;
    else s.sum += x;
    if (wasFull) {
      if (Number.isNaN(evicted)) s.invalid--;
      else s.sum -= evicted;
    }
    io.out.value[i] = s.window.full && s.invalid === 0 ? s.sum / s.window.size : Number.NaN;
  },
});
