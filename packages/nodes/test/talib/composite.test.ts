/** Indicators TA-Lib lacks but builds from TA-Lib pieces: checked against those pieces on full history. */
import { describe, expect, it } from "vitest";
import { donchianNode } from "../../src/catalog/indicator/donchian/definition.ts";
import { ichimokuNode } from "../../src/catalog/indicator/ichimoku/definition.ts";
import { keltnerNode } from "../../src/catalog/indicator/keltner/definition.ts";
import { relativeVolumeNode } from "../../src/catalog/indicator/relative-volume/definition.ts";
import { zScoreNode } from "../../src/catalog/indicator/z-score/definition.ts";
import { loadBundledCandles, runNode } from "../../src/testing/run-node.ts";
import { compareWithTalib, talibRun } from "./oracle.ts";

const candles = loadBundledCandles("binance_ETHUSDT_1h.csv.gz");
const n = candles.close.length;

/** Builds a full-length column from a TA-Lib output (NaN before its first index). */
function column(result: { begIndex: number; result: Record<string, number[]> }, name: string): Float64Array {
  const out = new Float64Array(n).fill(Number.NaN);
  out.set(result.result[name]!, result.begIndex);
  return out;
}

function expectClose(ours: Float64Array, expected: Float64Array, from: number) {
  const reference = Array.from(expected.subarray(from));
  const agreement = compareWithTalib(ours, reference, from);
  expect(agreement.firstValid).toBe(from);
  expect(agreement.maxRelativeError, `worst at bar ${agreement.worstIndex}`).toBeLessThan(1e-9);
}

describe("indicators built from TA-Lib pieces (ETHUSDT 1h, full history)", () => {
  it("Donchian upper/lower are TA-Lib MAX(high)/MIN(low), middle their mean", () => {
    const { out } = runNode(donchianNode, { period: 20 }, { candles });
    const upper = column(talibRun("MAX", { inReal: candles.high }, { optInTimePeriod: 20 }), "outReal");
    const lower = column(talibRun("MIN", { inReal: candles.low }, { optInTimePeriod: 20 }), "outReal");
    expectClose(out.upper, upper, 19);
    expectClose(out.lower, lower, 19);
    expectClose(
      out.middle,
      upper.map((u, i) => (u + lower[i]!) / 2),
      19,
    );
  });

  it("Ichimoku tenkan/kijun/senkou B are TA-Lib MIDPRICE, senkou A their mean, cloud is senkou 26 bars back", () => {
    const { out } = runNode(ichimokuNode, {}, { candles });
    const mid = (period: number) =>
      column(
        talibRun("MIDPRICE", { high: candles.high, low: candles.low }, { optInTimePeriod: period }),
        "outReal",
      );
    const tenkan = mid(9);
    const kijun = mid(26);
    const spanB = mid(52);
    const spanA = tenkan.map((t, i) => (t + kijun[i]!) / 2);
    expectClose(out.tenkan, tenkan, 8);
    expectClose(out.kijun, kijun, 25);
    expectClose(out.senkouA, spanA, 25);
    expectClose(out.senkouB, spanB, 51);
    const shifted = (values: Float64Array) => values.map((_, i) => (i >= 26 ? values[i - 26]! : Number.NaN));
    expectClose(out.cloudA, shifted(spanA), 51);
    expectClose(out.cloudB, shifted(spanB), 77);
    expect(Array.from(out.chikou)).toEqual(Array.from(candles.close));
  });

  it("Keltner is TA-Lib EMA(close) ± 2 × TA-Lib ATR", () => {
    const { out } = runNode(keltnerNode, { period: 20, atrPeriod: 10, multiplier: 2 }, { candles });
    const ema = column(talibRun("EMA", { inReal: candles.close }, { optInTimePeriod: 20 }), "outReal");
    const atr = column(
      talibRun(
        "ATR",
        { high: candles.high, low: candles.low, close: candles.close },
        { optInTimePeriod: 10 },
      ),
      "outReal",
    );
    expectClose(out.middle, ema, 19);
    expectClose(
      out.upper,
      ema.map((m, i) => m + atr[i]! * 2),
      19,
    );
    expectClose(
      out.lower,
      ema.map((m, i) => m - atr[i]! * 2),
      19,
    );
  });

  it("z-score is (close − TA-Lib SMA) / TA-Lib STDDEV", () => {
    const { out } = runNode(zScoreNode, { period: 20 }, { source: candles.close });
    const sma = column(talibRun("SMA", { inReal: candles.close }, { optInTimePeriod: 20 }), "outReal");
    const sd = column(
      talibRun("STDDEV", { inReal: candles.close }, { optInTimePeriod: 20, optInNbDev: 1 }),
      "outReal",
    );
    expectClose(
      out.value,
      candles.close.map((x, i) => (sd[i] === 0 ? 0 : (x - sma[i]!) / sd[i]!)),
      19,
    );
  });

  it("relative volume is volume / TA-Lib SMA(volume) of the previous bars", () => {
    const { out } = runNode(relativeVolumeNode, { period: 20 }, { candles });
    const sma = column(talibRun("SMA", { inReal: candles.volume }, { optInTimePeriod: 20 }), "outReal");
    const expected = candles.volume.map((v, i) =>
      i >= 20 && sma[i - 1]! > 0 ? v / sma[i - 1]! : Number.NaN,
    );
    // Zero-volume halts make the ratio undefined; compare only where both agree it exists.
    expect(Array.from(out.value, Number.isNaN)).toEqual(Array.from(expected, Number.isNaN));
    expectClose(out.value, expected, 20);
  });
});
