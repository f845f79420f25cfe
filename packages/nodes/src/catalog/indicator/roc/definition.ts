import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { RingBuffer } from "../../../lib/ring-buffer.ts";
import { NAN_NOTE, periodParam, sourceInput } from "../params.ts";

export const rocNode = defineNode({
  type: "indicator.roc",
  version: 1,
  category: "indicator",
  title: "ROC",
  description: `Rate of change in percent: (source / source n bars ago − 1) × 100. First value at bar n; 0 when the old value is 0 (matches TA-Lib ROC). ${NAN_NOTE}`,
  inputs: sourceInput,
  outputs: { value: { type: "number", label: "ROC %" } },
  params: z.object({ period: periodParam(10, "Period", 1) }),
  warmup: (p) => p.period,
  // The window holds the current value and the n before it.
  init: (p) => new RingBuffer(p.period + 1),
  step: (window, io, i) => {
    const x = io.in.source[i]!;
    io.out.value[i] = Number.NaN;
    if (Number.isNaN(x)) return;
    window.push(x);
    if (!window.full) return;
    const old = window.ago(window.size - 1);
    io.out.value[i] = old !== 0 ? (x / old - 1) * 100 : 0;
  },
});
