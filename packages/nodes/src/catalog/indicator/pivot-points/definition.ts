import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { opensDay, utcDay } from "../../../lib/utc-day.ts";
import { candlesInput } from "../params.ts";

interface PivotState {
  day: number;
  /** The current day was seen from its 00:00 candle. */
  complete: boolean;
  high: number;
  low: number;
  close: number;
  /** pivot, r1, r2, r3, s1, s2, s3 for the current day. */
  levels: Float64Array;
}

export const pivotPointsNode = defineNode({
  type: "indicator.pivotPoints",
  version: 1,
  category: "indicator",
  title: "Pivot points (daily)",
  description:
    "Classic floor pivots from the previous UTC day's high H, low L and close C: P = (H + L + C) / 3, R1 = 2P − L, S1 = 2P − H, R2 = P + (H − L), S2 = P − (H − L), R3 = H + 2(P − L), S3 = L − 2(H − P). The levels change at the first candle of each UTC day and use only finished days; a day the data joined after 00:00 is not used, and after a day with no candles at all the levels stay empty until a full day is seen. Not in TA-Lib.",
  inputs: candlesInput,
  outputs: {
    pivot: { type: "number", label: "Pivot" },
    r1: { type: "number", label: "R1" },
    r2: { type: "number", label: "R2" },
    r3: { type: "number", label: "R3" },
    s1: { type: "number", label: "S1" },
    s2: { type: "number", label: "S2" },
    s3: { type: "number", label: "S3" },
  },
  params: z.object({}),
  warmup: () => 0,
  init: (): PivotState => ({
    day: Number.NaN,
    complete: false,
    high: Number.NaN,
    low: Number.NaN,
    close: Number.NaN,
    levels: new Float64Array(7).fill(Number.NaN),
  }),
  step: (s, io, i) => {
    const c = io.in.candles;
    const time = c.time[i]!;
    const day = utcDay(time);
    if (day !== s.day) {
      // The previous day is finished: its H/L/C set today's levels.
      if (s.complete && day === s.day + 1) setLevels(s.levels, s.high, s.low, s.close);
      else s.levels.fill(Number.NaN);
      s.day = day;
      s.complete = opensDay(time);
      s.high = c.high[i]!;
      s.low = c.low[i]!;
    } else {
      if (c.high[i]! > s.high) s.high = c.high[i]!;
      if (c.low[i]! < s.low) s.low = c.low[i]!;
    }
    s.close = c.close[i]!;
    const out = io.out;
    const levels = s.levels;
    out.pivot[i] = levels[0]!;
    out.r1[i] = levels[1]!;
    out.r2[i] = levels[2]!;
    out.r3[i] = levels[3]!;
    out.s1[i] = levels[4]!;
    out.s2[i] = levels[5]!;
    out.s3[i] = levels[6]!;
  },
});

function setLevels(levels: Float64Array, high: number, low: number, close: number): void {
  const pivot = (high + low + close) / 3;
  const range = high - low;
  levels[0] = pivot;
  levels[1] = 2 * pivot - low;
  levels[2] = pivot + range;
  levels[3] = high + 2 * (pivot - low);
  levels[4] = 2 * pivot - high;
  levels[5] = pivot - range;
  levels[6] = low - 2 * (high - pivot);
}
