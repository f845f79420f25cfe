import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { RollingExtreme } from "../../../lib/rolling-extreme.ts";
import { candlesInput, periodParam } from "../params.ts";

export const williamsRNode = defineNode({
  type: "indicator.williamsR",
  version: 1,
  category: "indicator",
  title: "Williams %R",
  description:
    "Williams %R (−100 to 0): −100 × (highest high − close) / (highest high − lowest low) over n bars including the current one. First value at bar n − 1; 0 when the range is flat (matches TA-Lib WILLR).",
  inputs: candlesInput,
  outputs: { value: { type: "number", label: "%R" } },
  params: z.object({ period: periodParam(14) }),
  warmup: (p) => p.period - 1,
  init: (p) => ({ highest: new RollingExtreme(p.period, true), lowest: new RollingExtreme(p.period, false) }),
  step: (s, io, i) => {
    const c = io.in.candles;
    const high = s.highest.push(c.high[i]!);
    const low = s.lowest.push(c.low[i]!);
    if (Number.isNaN(high)) {
      io.out.value[i] = Number.NaN;
      return;
    }
    const range = (high - low) * -0.01;
    io.out.value[i] = range !== 0 ? (high - c.close[i]!) / range : 0;
  },
});
