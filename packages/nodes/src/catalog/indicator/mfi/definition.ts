import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { RingBuffer } from "../../../lib/ring-buffer.ts";
import { candlesInput, periodParam } from "../params.ts";

interface MfiState {
  positive: RingBuffer;
  negative: RingBuffer;
  positiveSum: number;
  negativeSum: number;
  previousTypical: number;
  bars: number;
}

export const mfiNode = defineNode({
  type: "indicator.mfi",
  version: 1,
  category: "indicator",
  title: "MFI",
  description:
    "Money flow index (0–100): volume-weighted RSI of the typical price (high + low + close) / 3 over n bars. First value at bar n; reads 0 when the total money flow in the window is below 1 quote unit (TA-Lib MFI convention; matches TA-Lib MFI).",
  inputs: candlesInput,
  outputs: { value: { type: "number", label: "MFI" } },
  params: z.object({ period: periodParam(14) }),
  warmup: (p) => p.period,
  init: (p): MfiState => ({
    positive: new RingBuffer(p.period),
    negative: new RingBuffer(p.period),
    positiveSum: 0,
    negativeSum: 0,
    previousTypical: Number.NaN,
    bars: 0,
  }),
  step: (s, io, i) => {
    const c = io.in.candles;
    const typical = (c.high[i]! + c.low[i]! + c.close[i]!) / 3;
    const bar = s.bars++;
    io.out.value[i] = Number.NaN;
    if (bar === 0) {
      s.previousTypical = typical;
      return;
    }
    // TA-Lib drops the oldest flow before adding today's once the window is full.
    if (s.positive.full) {
      s.positiveSum -= s.positive.ago(s.positive.size - 1);
      s.negativeSum -= s.negative.ago(s.negative.size - 1);
    }
    const change = typical - s.previousTypical;
    s.previousTypical = typical;
    const flow = typical * c.volume[i]!;
    let up = 0;
    let down = 0;
    if (change < 0) {
      down = flow;
      s.negativeSum += flow;
    } else if (change > 0) {
      up = flow;
      s.positiveSum += flow;
    }
    s.positive.push(up);
    s.negative.push(down);
    if (!s.positive.full) return;
    const total = s.positiveSum + s.negativeSum;
    io.out.value[i] = total < 1 ? 0 : 100 * (s.positiveSum / total);
  },
});
