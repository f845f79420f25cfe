import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { AtrKernel } from "../../../lib/atr-kernel.ts";
import { DirectionalKernel } from "../../../lib/directional-kernel.ts";
import { SortedWindow } from "../../../lib/sorted-window.ts";
import { candlesInput, periodParam } from "../params.ts";

/** Numeric codes of the `regime` output. */
export const REGIME = { trending: 1, ranging: 2, volatile: 3, quiet: 4 } as const;

const percentParam = (value: number, label: string) =>
  z
    .number()
    .min(0)
    .max(100)
    .default(value)
    .meta({ label, unit: "%", min: 0, max: 100, step: 1, optimisable: true });

interface RegimeState {
  adx: DirectionalKernel;
  atr: AtrKernel;
  /** ATR as a fraction of the close, so the percentile is comparable across price levels. */
  atrPercents: SortedWindow;
}

export const marketRegimeNode = defineNode({
  type: "indicator.marketRegime",
  version: 1,
  category: "indicator",
  title: "Market regime",
  description:
    "Classifies each bar: trending when ADX ≥ the trend level; otherwise volatile when ATR/close ranks at or above the volatile percentile of the lookback, quiet when at or below the quiet percentile, else ranging. regime = 1 trending, 2 ranging, 3 volatile, 4 quiet. ATR percentile = share of the last N bars (this one included) whose ATR/close was at or below this bar's. ADX and ATR are TA-Lib's.",
  inputs: candlesInput,
  outputs: {
    regime: { type: "number", label: "Regime code" },
    trending: { type: "boolean", label: "Trending" },
    ranging: { type: "boolean", label: "Ranging" },
    volatile: { type: "boolean", label: "Volatile" },
    quiet: { type: "boolean", label: "Quiet" },
    atrPercentile: { type: "number", label: "ATR percentile %" },
  },
  params: z
    .object({
      adxPeriod: periodParam(14, "ADX period"),
      atrPeriod: periodParam(14, "ATR period", 1),
      lookback: periodParam(100, "Percentile lookback", 10, 2000),
      trendAdx: z
        .number()
        .min(0)
        .max(100)
        .default(25)
        .meta({ label: "Trend ADX level", min: 0, max: 100, step: 1, optimisable: true }),
      volatilePercentile: percentParam(80, "Volatile at ATR percentile"),
      quietPercentile: percentParam(20, "Quiet at ATR percentile"),
    })
    .refine((p) => p.quietPercentile < p.volatilePercentile, {
      message: "quiet percentile must be below volatile percentile",
      path: ["quietPercentile"],
    }),
  warmup: (p) => Math.max(2 * p.adxPeriod - 1, p.atrPeriod + p.lookback - 1),
  init: (p): RegimeState => ({
    adx: new DirectionalKernel(p.adxPeriod),
    atr: new AtrKernel(p.atrPeriod),
    atrPercents: new SortedWindow(p.lookback),
  }),
  step: (s, io, i, _ctx, p) => {
    const c = io.in.candles;
    const out = io.out;
    s.adx.push(c.high[i]!, c.low[i]!, c.close[i]!);
    const atr = s.atr.push(c.high[i]!, c.low[i]!, c.close[i]!);
    if (!Number.isNaN(atr)) s.atrPercents.push(atr / c.close[i]!);
    const adx = s.adx.adx;
    if (Number.isNaN(adx) || !s.atrPercents.full || Number.isNaN(atr)) {
      out.regime[i] = out.trending[i] = out.ranging[i] = out.volatile[i] = out.quiet[i] = Number.NaN;
      out.atrPercentile[i] = Number.NaN;
      return;
    }
    const percentile = (100 * s.atrPercents.countAtOrBelow(atr / c.close[i]!)) / s.atrPercents.size;
    let regime: number = REGIME.ranging;
    if (adx >= p.trendAdx) regime = REGIME.trending;
    else if (percentile >= p.volatilePercentile) regime = REGIME.volatile;
    else if (percentile <= p.quietPercentile) regime = REGIME.quiet;
    out.regime[i] = regime;
    out.trending[i] = regime === REGIME.trending ? 1 : 0;
    out.ranging[i] = regime === REGIME.ranging ? 1 : 0;
    out.volatile[i] = regime === REGIME.volatile ? 1 : 0;
    out.quiet[i] = regime === REGIME.quiet ? 1 : 0;
    out.atrPercentile[i] = percentile;
  },
});
