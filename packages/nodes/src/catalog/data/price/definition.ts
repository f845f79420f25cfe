import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import type { CandleColumns } from "../../../runtime-types.ts";

const FIELDS = ["open", "high", "low", "close", "volume", "hl2", "hlc3", "ohlc4"] as const;

export const priceNode = defineNode({
  type: "data.price",
  version: 1,
  category: "data",
  title: "Price field",
  description:
    "One number per candle: open, high, low, close, volume, hl2 = (high + low) / 2, hlc3 = (high + low + close) / 3 or ohlc4 = (open + high + low + close) / 4.",
  inputs: { candles: { type: "candles", label: "Candles", required: true } },
  outputs: { value: { type: "number", label: "Value" } },
  params: z.object({ field: z.enum(FIELDS).default("close").meta({ label: "Field" }) }),
  warmup: () => 0,
  // The field is chosen once: a per-bar string switch costs more than the arithmetic.
  init: (p) => ({ read: READERS[p.field] }),
  // Batch loop in this module so the step inlines (see NodeDefinition.stepRange).
  stepRange(s, io, from, to, ctx, p) {
    for (let i = from; i < to; i++) this.step(s, io, i, ctx, p);
  },
  step: (s, io, i) => {
    io.out.value[i] = s.read(io.in.candles, i);
  },
});

const READERS: Record<(typeof FIELDS)[number], (c: CandleColumns, i: number) => number> = {
  open: (c, i) => c.open[i]!,
  high: (c, i) => c.high[i]!,
  low: (c, i) => c.low[i]!,
  close: (c, i) => c.close[i]!,
  volume: (c, i) => c.volume[i]!,
  hl2: (c, i) => (c.high[i]! + c.low[i]!) / 2,
  hlc3: (c, i) => (c.high[i]! + c.low[i]! + c.close[i]!) / 3,
  ohlc4: (c, i) => (c.open[i]! + c.high[i]! + c.low[i]! + c.close[i]!) / 4,
};
