import { z } from "zod";
import { defineNode } from "../../../contract.ts";

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
  init: () => null,
  step: (_s, io, i, _ctx, p) => {
    const c = io.in.candles;
    let value: number;
    switch (p.field) {
      case "open":
      case "high":
      case "low":
      case "close":
      case "volume":
        value = c[p.field][i]!;
        break;
      case "hl2":
        value = (c.high[i]! + c.low[i]!) / 2;
        break;
      case "hlc3":
        value = (c.high[i]! + c.low[i]! + c.close[i]!) / 3;
        break;
      case "ohlc4":
        value = (c.open[i]! + c.high[i]! + c.low[i]! + c.close[i]!) / 4;
        break;
    }
    io.out.value[i] = value;
  },
});
