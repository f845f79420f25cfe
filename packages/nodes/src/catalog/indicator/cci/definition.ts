import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { RingBuffer } from "../../../lib/ring-buffer.ts";
import { candlesInput, periodParam } from "../params.ts";

export const cciNode = defineNode({
  type: "indicator.cci",
  version: 1,
  category: "indicator",
  title: "CCI",
  description:
    "Commodity channel index: (typical price − its SMA) / (0.015 × mean absolute deviation), typical price = (high + low + close) / 3, over n bars. First value at bar n − 1; 0 when the deviation is 0 (matches TA-Lib CCI).",
  inputs: candlesInput,
  outputs: { value: { type: "number", label: "CCI" } },
  params: z.object({ period: periodParam(20) }),
  warmup: (p) => p.period - 1,
  init: (p) => new RingBuffer(p.period),
  step: (window, io, i) => {
    const c = io.in.candles;
    const typical = (c.high[i]! + c.low[i]! + c.close[i]!) / 3;
    window.push(typical);
    if (!window.full) {
      io.out.value[i] = Number.NaN;
      return;
    }
    // The mean absolute deviation needs the whole window anyway; sum in storage order as TA-Lib does.
    const n = window.size;
    const values = window.values;
    let mean = 0;
    for (let j = 0; j < n; j++) mean += values[j]!;
    mean /= n;
    let deviation = 0;
    for (let j = 0; j < n; j++) deviation += Math.abs(values[j]! - mean);
    const distance = typical - mean;
    io.out.value[i] = distance !== 0 && deviation !== 0 ? distance / (0.015 * (deviation / n)) : 0;
  },
});
