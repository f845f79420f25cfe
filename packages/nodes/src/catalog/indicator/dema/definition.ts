import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { Ema } from "../../../lib/ema.ts";
import { NAN_NOTE, periodParam, sourceInput } from "../params.ts";

export const demaNode = defineNode({
  type: "indicator.dema",
  version: 1,
  category: "indicator",
  title: "DEMA",
  description: `Double EMA: 2 × EMA(x) − EMA(EMA(x)), less lag than one EMA. Each EMA is SMA-seeded (TA-Lib convention), so the first value is at bar 2(n − 1) (matches TA-Lib DEMA). ${NAN_NOTE}`,
  inputs: sourceInput,
  outputs: { value: { type: "number", label: "DEMA" } },
  params: z.object({ period: periodParam(20) }),
  warmup: (p) => 2 * (p.period - 1),
  init: (p) => ({ first: new Ema(p.period), second: new Ema(p.period) }),
  step: (s, io, i) => {
    const x = io.in.source[i]!;
    const e1 = Number.isNaN(x) ? Number.NaN : s.first.push(x);
    if (Number.isNaN(e1)) {
      io.out.value[i] = Number.NaN;
      return;
    }
    const e2 = s.second.push(e1);
    io.out.value[i] = Number.isNaN(e2) ? Number.NaN : 2 * e1 - e2;
  },
});
