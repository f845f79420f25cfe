import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { RollingExtreme } from "../../../lib/rolling-extreme.ts";
import { NAN_NOTE, periodParam, sourceInput } from "../params.ts";

export const lowestNode = defineNode({
  type: "indicator.lowest",
  version: 1,
  category: "indicator",
  title: "Lowest over n",
  description: `The lowest value of the source over the last n bars, including the current bar (first value at bar n − 1; matches TA-Lib MIN). For a breakout test compare with the previous bar's value (Lag 1), since a bar can never exceed a window that contains it. ${NAN_NOTE}`,
  inputs: sourceInput,
  outputs: { value: { type: "number", label: "Lowest" } },
  params: z.object({ period: periodParam(20, "Period", 1) }),
  warmup: (p) => p.period - 1,
  init: (p) => new RollingExtreme(p.period, false),
  step: (window, io, i) => {
    const x = io.in.source[i]!;
    io.out.value[i] = Number.isNaN(x) ? Number.NaN : window.push(x);
  },
});
