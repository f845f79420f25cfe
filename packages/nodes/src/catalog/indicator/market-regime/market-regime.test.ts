import { describe, expect, it } from "vitest";
import { loadBundledCandles, runNode, sliceCandles } from "../../../testing/run-node.ts";
import { adxNode } from "../adx/definition.ts";
import { atrNode } from "../atr/definition.ts";
import { marketRegimeNode, REGIME } from "./definition.ts";

const candles = sliceCandles(loadBundledCandles("binance_ETHUSDT_1h.csv.gz"), 20_000, 26_000);
const params = {
  adxPeriod: 14,
  atrPeriod: 14,
  lookback: 100,
  trendAdx: 25,
  volatilePercentile: 80,
  quietPercentile: 20,
};

describe("Market regime", () => {
  const { out } = runNode(marketRegimeNode, params, { candles });
  const adx = runNode(adxNode, { period: 14 }, { candles }).out.adx;
  const atr = runNode(atrNode, { period: 14 }, { candles }).out.value;

  it("is ready once ADX and 100 ATR values exist (bar 113)", () => {
    expect(marketRegimeNode.warmup(marketRegimeNode.params.parse(params))).toBe(113);
    expect(out.regime[112]).toBeNaN();
    expect(out.regime[113]).not.toBeNaN();
  });

  it("follows the ADX level first, then the ATR/close percentile of the last 100 bars", () => {
    for (let i = 113; i < candles.close.length; i++) {
      const current = atr[i]! / candles.close[i]!;
      let atOrBelow = 0;
      for (let j = i - 99; j <= i; j++) if (atr[j]! / candles.close[j]! <= current) atOrBelow++;
      const percentile = atOrBelow;
      const expected =
        adx[i]! >= 25
          ? REGIME.trending
          : percentile >= 80
            ? REGIME.volatile
            : percentile <= 20
              ? REGIME.quiet
              : REGIME.ranging;
      expect(out.atrPercentile[i]).toBeCloseTo(percentile, 9);
      expect(out.regime[i]).toBe(expected);
      expect(out.trending[i]! + out.ranging[i]! + out.volatile[i]! + out.quiet[i]!).toBe(1);
    }
  });

  it("sees all four regimes in 6,000 real ETH hours", () => {
    const seen = new Set(Array.from(out.regime).filter((r) => !Number.isNaN(r)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4]);
  });

  it("rejects a quiet percentile above the volatile one", () => {
    expect(() => marketRegimeNode.params.parse({ quietPercentile: 90, volatilePercentile: 80 })).toThrow(
      /quiet/,
    );
  });
});
