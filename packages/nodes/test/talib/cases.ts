/** Each indicator that TA-Lib has, with the TA-Lib call that must give the same numbers. */

import { adxNode } from "../../src/catalog/indicator/adx/definition.ts";
import { atrNode } from "../../src/catalog/indicator/atr/definition.ts";
import { bollingerNode } from "../../src/catalog/indicator/bollinger/definition.ts";
import { cciNode } from "../../src/catalog/indicator/cci/definition.ts";
import { demaNode } from "../../src/catalog/indicator/dema/definition.ts";
import { emaNode } from "../../src/catalog/indicator/ema/definition.ts";
import { highestNode } from "../../src/catalog/indicator/highest/definition.ts";
import { lowestNode } from "../../src/catalog/indicator/lowest/definition.ts";
import { macdNode } from "../../src/catalog/indicator/macd/definition.ts";
import { mfiNode } from "../../src/catalog/indicator/mfi/definition.ts";
import { obvNode } from "../../src/catalog/indicator/obv/definition.ts";
import { parabolicSarNode } from "../../src/catalog/indicator/parabolic-sar/definition.ts";
import { rocNode } from "../../src/catalog/indicator/roc/definition.ts";
import { rsiNode } from "../../src/catalog/indicator/rsi/definition.ts";
import { smaNode } from "../../src/catalog/indicator/sma/definition.ts";
import { stdDevNode } from "../../src/catalog/indicator/std-dev/definition.ts";
import { stochRsiNode } from "../../src/catalog/indicator/stoch-rsi/definition.ts";
import { stochasticNode } from "../../src/catalog/indicator/stochastic/definition.ts";
import { temaNode } from "../../src/catalog/indicator/tema/definition.ts";
import { williamsRNode } from "../../src/catalog/indicator/williams-r/definition.ts";
import { wmaNode } from "../../src/catalog/indicator/wma/definition.ts";
import type { AnyNodeDefinition } from "../../src/contract.ts";
import type { CandleColumns } from "../../src/runtime-types.ts";

export interface TalibCase {
  node: AnyNodeDefinition;
  params: Record<string, unknown>;
  /** Which input the node gets: the close column or the candles. */
  input: "close" | "candles";
  talib: string;
  talibInputs: (c: CandleColumns) => Record<string, Float64Array>;
  talibOptions: Record<string, number>;
  /** Our output port → TA-Lib output name. */
  outputs: Record<string, string>;
  /** The node's warm-up is that of a slower output (ADX node: +DI/−DI start before ADX). */
  earlierThanNodeWarmup?: true;
}

const close = (c: CandleColumns) => ({ inReal: c.close });
const hlc = (c: CandleColumns) => ({ high: c.high, low: c.low, close: c.close });
const series = (node: AnyNodeDefinition, talib: string, period: number): TalibCase => ({
  node,
  params: { period },
  input: "close",
  talib,
  talibInputs: close,
  talibOptions: { optInTimePeriod: period },
  outputs: { value: "outReal" },
});

export const TALIB_CASES: TalibCase[] = [
  series(smaNode, "SMA", 20),
  series(smaNode, "SMA", 200),
  series(emaNode, "EMA", 20),
  series(emaNode, "EMA", 200),
  series(wmaNode, "WMA", 20),
  series(demaNode, "DEMA", 20),
  series(temaNode, "TEMA", 20),
  series(rsiNode, "RSI", 14),
  series(rsiNode, "RSI", 2),
  series(rocNode, "ROC", 10),
  series(highestNode, "MAX", 20),
  series(lowestNode, "MIN", 20),
  {
    ...series(stdDevNode, "STDDEV", 20),
    params: { period: 20, multiplier: 2 },
    talibOptions: { optInTimePeriod: 20, optInNbDev: 2 },
  },
  {
    node: stochRsiNode,
    params: { rsiPeriod: 14, kPeriod: 14, dPeriod: 3 },
    input: "close",
    talib: "STOCHRSI",
    talibInputs: close,
    talibOptions: { optInTimePeriod: 14, optInFastK_Period: 14, optInFastD_Period: 3, optInFastD_MAType: 0 },
    outputs: { k: "outFastK", d: "outFastD" },
  },
  {
    node: macdNode,
    params: { fastPeriod: 12, slowPeriod: 26, signalPeriod: 9 },
    input: "close",
    talib: "MACD",
    talibInputs: close,
    talibOptions: { optInFastPeriod: 12, optInSlowPeriod: 26, optInSignalPeriod: 9 },
    outputs: { macd: "outMACD", signal: "outMACDSignal", histogram: "outMACDHist" },
  },
  {
    node: bollingerNode,
    params: { period: 20, deviations: 2 },
    input: "close",
    talib: "BBANDS",
    talibInputs: close,
    talibOptions: { optInTimePeriod: 20, optInNbDevUp: 2, optInNbDevDn: 2, optInMAType: 0 },
    outputs: { upper: "outRealUpperBand", middle: "outRealMiddleBand", lower: "outRealLowerBand" },
  },
  {
    node: atrNode,
    params: { period: 14 },
    input: "candles",
    talib: "ATR",
    talibInputs: hlc,
    talibOptions: { optInTimePeriod: 14 },
    outputs: { value: "outReal" },
  },
  ...(["ADX", "PLUS_DI", "MINUS_DI"] as const).map(
    (name): TalibCase => ({
      node: adxNode,
      params: { period: 14 },
      input: "candles",
      talib: name,
      talibInputs: hlc,
      talibOptions: { optInTimePeriod: 14 },
      outputs: { [name === "ADX" ? "adx" : name === "PLUS_DI" ? "plusDI" : "minusDI"]: "outReal" },
      ...(name === "ADX" ? {} : { earlierThanNodeWarmup: true as const }),
    }),
  ),
  {
    node: stochasticNode,
    params: { kPeriod: 14, kSmoothing: 3, dPeriod: 3 },
    input: "candles",
    talib: "STOCH",
    talibInputs: hlc,
    talibOptions: {
      optInFastK_Period: 14,
      optInSlowK_Period: 3,
      optInSlowK_MAType: 0,
      optInSlowD_Period: 3,
      optInSlowD_MAType: 0,
    },
    outputs: { k: "outSlowK", d: "outSlowD" },
  },
  {
    node: cciNode,
    params: { period: 20 },
    input: "candles",
    talib: "CCI",
    talibInputs: hlc,
    talibOptions: { optInTimePeriod: 20 },
    outputs: { value: "outReal" },
  },
  {
    node: mfiNode,
    params: { period: 14 },
    input: "candles",
    talib: "MFI",
    talibInputs: (c) => ({ ...hlc(c), volume: c.volume }),
    talibOptions: { optInTimePeriod: 14 },
    outputs: { value: "outReal" },
  },
  {
    node: obvNode,
    params: {},
    input: "candles",
    talib: "OBV",
    talibInputs: (c) => ({ inReal: c.close, volume: c.volume }),
    talibOptions: {},
    outputs: { value: "outReal" },
  },
  {
    node: williamsRNode,
    params: { period: 14 },
    input: "candles",
    talib: "WILLR",
    talibInputs: hlc,
    talibOptions: { optInTimePeriod: 14 },
    outputs: { value: "outReal" },
  },
  {
    node: parabolicSarNode,
    params: { acceleration: 0.02, maximum: 0.2 },
    input: "candles",
    talib: "SAR",
    talibInputs: (c) => ({ high: c.high, low: c.low }),
    talibOptions: { optInAcceleration: 0.02, optInMaximum: 0.2 },
    outputs: { value: "outReal" },
  },
];

/** Same indicators with other periods, so seeding and warm-up are checked beyond the defaults. */
export const TALIB_VARIANT_CASES: TalibCase[] = [
  series(wmaNode, "WMA", 9),
  series(demaNode, "DEMA", 50),
  series(temaNode, "TEMA", 9),
  series(rsiNode, "RSI", 30),
  series(rocNode, "ROC", 1),
  series(emaNode, "EMA", 2),
  {
    ...series(stdDevNode, "STDDEV", 5),
    params: { period: 5, multiplier: 1 },
    talibOptions: { optInTimePeriod: 5, optInNbDev: 1 },
  },
  {
    node: stochRsiNode,
    params: { rsiPeriod: 9, kPeriod: 5, dPeriod: 3 },
    input: "close",
    talib: "STOCHRSI",
    talibInputs: close,
    talibOptions: { optInTimePeriod: 9, optInFastK_Period: 5, optInFastD_Period: 3, optInFastD_MAType: 0 },
    outputs: { k: "outFastK", d: "outFastD" },
  },
  {
    node: macdNode,
    params: { fastPeriod: 5, slowPeriod: 35, signalPeriod: 5 },
    input: "close",
    talib: "MACD",
    talibInputs: close,
    talibOptions: { optInFastPeriod: 5, optInSlowPeriod: 35, optInSignalPeriod: 5 },
    outputs: { macd: "outMACD", signal: "outMACDSignal", histogram: "outMACDHist" },
  },
  {
    node: bollingerNode,
    params: { period: 10, deviations: 1.5 },
    input: "close",
    talib: "BBANDS",
    talibInputs: close,
    talibOptions: { optInTimePeriod: 10, optInNbDevUp: 1.5, optInNbDevDn: 1.5, optInMAType: 0 },
    outputs: { upper: "outRealUpperBand", middle: "outRealMiddleBand", lower: "outRealLowerBand" },
  },
  {
    node: atrNode,
    params: { period: 1 },
    input: "candles",
    talib: "ATR",
    talibInputs: hlc,
    talibOptions: { optInTimePeriod: 1 },
    outputs: { value: "outReal" },
  },
  {
    node: adxNode,
    params: { period: 7 },
    input: "candles",
    talib: "ADX",
    talibInputs: hlc,
    talibOptions: { optInTimePeriod: 7 },
    outputs: { adx: "outReal" },
  },
  {
    node: stochasticNode,
    params: { kPeriod: 5, kSmoothing: 1, dPeriod: 4 },
    input: "candles",
    talib: "STOCH",
    talibInputs: hlc,
    talibOptions: {
      optInFastK_Period: 5,
      optInSlowK_Period: 1,
      optInSlowK_MAType: 0,
      optInSlowD_Period: 4,
      optInSlowD_MAType: 0,
    },
    outputs: { k: "outSlowK", d: "outSlowD" },
  },
  {
    node: mfiNode,
    params: { period: 5 },
    input: "candles",
    talib: "MFI",
    talibInputs: (c) => ({ ...hlc(c), volume: c.volume }),
    talibOptions: { optInTimePeriod: 5 },
    outputs: { value: "outReal" },
  },
  {
    node: cciNode,
    params: { period: 5 },
    input: "candles",
    talib: "CCI",
    talibInputs: hlc,
    talibOptions: { optInTimePeriod: 5 },
    outputs: { value: "outReal" },
  },
  {
    node: parabolicSarNode,
    params: { acceleration: 0.01, maximum: 0.1 },
    input: "candles",
    talib: "SAR",
    talibInputs: (c) => ({ high: c.high, low: c.low }),
    talibOptions: { optInAcceleration: 0.01, optInMaximum: 0.1 },
    outputs: { value: "outReal" },
  },
];
