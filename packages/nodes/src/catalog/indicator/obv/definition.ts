import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { candlesInput } from "../params.ts";

export const obvNode = defineNode({
  type: "indicator.obv",
  version: 1,
  category: "indicator",
  title: "OBV",
  description:
    "On-balance volume: a running total that adds the bar's volume when the close rises and subtracts it when it falls. TA-Lib convention: starts at the first bar's volume, so the level depends on where the history starts; compare its changes, not its level, across runs (matches TA-Lib OBV).",
  inputs: candlesInput,
  outputs: { value: { type: "number", label: "OBV" } },
  params: z.object({}),
  warmup: () => 0,
  init: () => ({ total: Number.NaN, previousClose: Number.NaN }),
  step: (s, io, i) => {
    const c = io.in.candles;
    const close = c.close[i]!;
    const volume = c.volume[i]!;
    if (Number.isNaN(s.total)) s.total = volume;
    else if (close > s.previousClose) s.total += volume;
    else if (close < s.previousClose) s.total -= volume;
    s.previousClose = close;
    io.out.value[i] = s.total;
  },
});
