import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { RingBuffer } from "../../../lib/ring-buffer.ts";
import { NAN_NOTE, periodParam, sourceInput } from "../params.ts";

/** Running weighted sum as TA-Lib's WMA: no window rescan, same rounding as TA-Lib. */
interface WmaState {
  window: RingBuffer;
  weightedSum: number;
  plainSum: number;
  trailing: number;
  divider: number;
}

export const wmaNode = defineNode({
  type: "indicator.wma",
  version: 1,
  category: "indicator",
  title: "WMA",
  description: `Linearly weighted moving average: the newest of n values weighs n, the oldest 1, divided by n(n+1)/2. First value at bar n − 1 (matches TA-Lib WMA). ${NAN_NOTE}`,
  inputs: sourceInput,
  outputs: { value: { type: "number", label: "WMA" } },
  params: z.object({ period: periodParam(20) }),
  warmup: (p) => p.period - 1,
  init: (p): WmaState => ({
    window: new RingBuffer(p.period),
    weightedSum: 0,
    plainSum: 0,
    trailing: 0,
    divider: (p.period * (p.period + 1)) / 2,
  }),
  step: (s, io, i) => {
    const x = io.in.source[i]!;
    const n = s.window.size;
    if (Number.isNaN(x)) {
      io.out.value[i] = Number.NaN;
      return;
    }
    s.window.push(x);
    if (!s.window.full) {
      s.plainSum += x;
      s.weightedSum += x * s.window.count;
      io.out.value[i] = Number.NaN;
      return;
    }
    s.plainSum += x;
    s.plainSum -= s.trailing;
    s.weightedSum += x * n;
    s.trailing = s.window.ago(n - 1);
    io.out.value[i] = s.weightedSum / s.divider;
    s.weightedSum -= s.plainSum;
  },
});
