import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { Ema } from "../../../lib/ema.ts";
import { NAN_NOTE, periodParam, sourceInput } from "../params.ts";

export const temaNode = defineNode({
  type: "indicator.tema",
  version: 1,
  category: "indicator",
  title: "TEMA",
  description: `Triple EMA: 3 × EMA1 − 3 × EMA2 + EMA3, where each EMA smooths the one before. SMA-seeded EMAs (TA-Lib convention): first value at bar 3(n − 1) (matches TA-Lib TEMA). ${NAN_NOTE}`,
  inputs: sourceInput,
  outputs: { value: { type: "number", label: "TEMA" } },
  params: z.object({ period: periodParam(20) }),
  warmup: (p) => 3 * (p.period - 1),
  init: (p) => ({ first: new Ema(p.period), second: new Ema(p.period), third: new Ema(p.period) }),
  step: (s, io, i) => {
    const x = io.in.source[i]!;
    io.out.value[i] = Number.NaN;
    if (Number.isNaN(x)) return;
    const e1 = s.first.push(x);
    if (Number.isNaN(e1)) return;
    const e2 = s.second.push(e1);
    if (Number.isNaN(e2)) return;
    const e3 = s.third.push(e2);
    // Same grouping as TA-Lib: EMA3 + (3·EMA1 − 3·EMA2).
    if (!Number.isNaN(e3)) io.out.value[i] = e3 + (3 * e1 - 3 * e2);
  },
});
