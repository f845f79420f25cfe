import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { RingBuffer } from "../../../lib/ring-buffer.ts";
import { RollingExtreme } from "../../../lib/rolling-extreme.ts";
import { candlesInput, periodParam } from "../params.ts";

interface IchimokuState {
  tenkanHigh: RollingExtreme;
  tenkanLow: RollingExtreme;
  kijunHigh: RollingExtreme;
  kijunLow: RollingExtreme;
  spanBHigh: RollingExtreme;
  spanBLow: RollingExtreme;
  /** Senkou values computed `displacement` bars ago and earlier: the cloud under the current bar. */
  pastSpanA: RingBuffer;
  pastSpanB: RingBuffer;
}

const midpoint = (high: number, low: number) => (high + low) / 2;

export const ichimokuNode = defineNode({
  type: "indicator.ichimoku",
  version: 1,
  category: "indicator",
  title: "Ichimoku",
  description:
    "Tenkan = midpoint of the high–low range over 9 bars, kijun = over 26, senkou A = (tenkan + kijun) / 2, senkou B = midpoint over 52, chikou = close. Every output is the value known at the close of bar i: charts draw senkou A/B 26 bars to the right and chikou 26 bars to the left, which this node never does (that would need future bars). cloudA/cloudB are the senkou values computed 26 bars ago, i.e. the cloud a chart shows under the current bar. Midpoints match TA-Lib MIDPRICE; first tenkan at bar 8, kijun and senkou A at 25, senkou B at 51, cloud at 77.",
  inputs: candlesInput,
  outputs: {
    tenkan: { type: "number", label: "Tenkan-sen" },
    kijun: { type: "number", label: "Kijun-sen" },
    senkouA: { type: "number", label: "Senkou A (now)" },
    senkouB: { type: "number", label: "Senkou B (now)" },
    chikou: { type: "number", label: "Chikou (close)" },
    cloudA: { type: "number", label: "Cloud A (under this bar)" },
    cloudB: { type: "number", label: "Cloud B (under this bar)" },
  },
  params: z.object({
    tenkanPeriod: periodParam(9, "Tenkan period", 1),
    kijunPeriod: periodParam(26, "Kijun period", 1),
    spanBPeriod: periodParam(52, "Senkou B period", 1),
    displacement: periodParam(26, "Displacement", 1),
  }),
  warmup: (p) => Math.max(p.tenkanPeriod, p.kijunPeriod, p.spanBPeriod) - 1 + p.displacement,
  init: (p): IchimokuState => ({
    tenkanHigh: new RollingExtreme(p.tenkanPeriod, true),
    tenkanLow: new RollingExtreme(p.tenkanPeriod, false),
    kijunHigh: new RollingExtreme(p.kijunPeriod, true),
    kijunLow: new RollingExtreme(p.kijunPeriod, false),
    spanBHigh: new RollingExtreme(p.spanBPeriod, true),
    spanBLow: new RollingExtreme(p.spanBPeriod, false),
    pastSpanA: new RingBuffer(p.displacement + 1),
    pastSpanB: new RingBuffer(p.displacement + 1),
  }),
  step: (s, io, i) => {
    const c = io.in.candles;
    const high = c.high[i]!;
    const low = c.low[i]!;
    const tenkan = midpoint(s.tenkanHigh.push(high), s.tenkanLow.push(low));
    const kijun = midpoint(s.kijunHigh.push(high), s.kijunLow.push(low));
    const spanA = (tenkan + kijun) / 2;
    const spanB = midpoint(s.spanBHigh.push(high), s.spanBLow.push(low));
    s.pastSpanA.push(spanA);
    s.pastSpanB.push(spanB);
    const out = io.out;
    out.tenkan[i] = tenkan;
    out.kijun[i] = kijun;
    out.senkouA[i] = spanA;
    out.senkouB[i] = spanB;
    out.chikou[i] = c.close[i]!;
    const full = s.pastSpanA.full;
    out.cloudA[i] = full ? s.pastSpanA.ago(s.pastSpanA.size - 1) : Number.NaN;
    out.cloudB[i] = full ? s.pastSpanB.ago(s.pastSpanB.size - 1) : Number.NaN;
  },
});
