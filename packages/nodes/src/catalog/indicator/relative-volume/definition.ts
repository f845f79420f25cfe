import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { RingBuffer } from "../../../lib/ring-buffer.ts";
import { candlesInput, periodParam } from "../params.ts";

export const relativeVolumeNode = defineNode({
  type: "indicator.relativeVolume",
  version: 1,
  category: "indicator",
  title: "Relative volume",
  description:
    "This bar's volume divided by the average volume of the n bars before it (the current bar is left out so a spike does not dilute itself): 2 means twice the usual volume. First value at bar n; not ready while the average is 0. Not in TA-Lib.",
  inputs: candlesInput,
  outputs: { value: { type: "number", label: "Relative volume" } },
  params: z.object({ period: periodParam(20, "Average over", 1) }),
  warmup: (p) => p.period,
  init: (p) => ({ window: new RingBuffer(p.period), sum: 0 }),
  step: (s, io, i) => {
    const volume = io.in.candles.volume[i]!;
    const average = s.window.full ? s.sum / s.window.size : Number.NaN;
    io.out.value[i] = average > 0 ? volume / average : Number.NaN;
    const leaving = s.window.push(volume);
    s.sum += volume;
    if (!Number.isNaN(leaving)) s.sum -= leaving;
  },
});
