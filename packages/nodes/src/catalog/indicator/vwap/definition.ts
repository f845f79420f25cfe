import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { opensDay, utcDay } from "../../../lib/utc-day.ts";
import { candlesInput } from "../params.ts";

export const vwapNode = defineNode({
  type: "indicator.vwap",
  version: 1,
  category: "indicator",
  title: "VWAP (daily)",
  description:
    "Volume-weighted average price of the current UTC day: Σ(typical price × volume) / Σ volume, typical price = (high + low + close) / 3, reset at 00:00 UTC. Not ready until the first day seen from its 00:00 candle (a day joined half-way would give a different VWAP), and while the day's volume is still 0. Not in TA-Lib.",
  inputs: candlesInput,
  outputs: { value: { type: "number", label: "VWAP" } },
  params: z.object({}),
  // At most one day of bars before a day start: the compiler cannot know the timeframe here, so 0.
  warmup: () => 0,
  init: () => ({ day: Number.NaN, priceVolume: 0, volume: 0, anchored: false }),
  step: (s, io, i) => {
    const c = io.in.candles;
    const time = c.time[i]!;
    const day = utcDay(time);
    if (day !== s.day) {
      s.day = day;
      s.priceVolume = 0;
      s.volume = 0;
      s.anchored = opensDay(time);
    }
    const volume = c.volume[i]!;
    s.priceVolume += ((c.high[i]! + c.low[i]! + c.close[i]!) / 3) * volume;
    s.volume += volume;
    io.out.value[i] = s.anchored && s.volume > 0 ? s.priceVolume / s.volume : Number.NaN;
  },
});
