import { describe, expect, it } from "vitest";
import { loadBundledCandles, runNode, sliceCandles } from "../../../testing/run-node.ts";
import { pivotPointsNode } from "./definition.ts";

const full = sliceCandles(loadBundledCandles("binance_BTCUSDT_1h.csv.gz"), 0, 72);

function dayHLC(from: number) {
  let high = -Infinity;
  let low = Infinity;
  for (let i = from; i < from + 24; i++) {
    high = Math.max(high, full.high[i]!);
    low = Math.min(low, full.low[i]!);
  }
  return { high, low, close: full.close[from + 23]! };
}

describe("Pivot points (classic, previous UTC day)", () => {
  const { out } = runNode(pivotPointsNode, {}, { candles: full });

  it("is empty on the first day: no finished day yet", () => {
    for (let i = 0; i < 24; i++) expect(out.pivot[i]).toBeNaN();
  });

  it("uses 1 January's high, low and close for every bar of 2 January", () => {
    const { high, low, close } = dayHLC(0);
    const p = (high + low + close) / 3;
    for (const i of [24, 30, 47]) {
      expect(out.pivot[i]).toBeCloseTo(p, 9);
      expect(out.r1[i]).toBeCloseTo(2 * p - low, 9);
      expect(out.s1[i]).toBeCloseTo(2 * p - high, 9);
      expect(out.r2[i]).toBeCloseTo(p + (high - low), 9);
      expect(out.s2[i]).toBeCloseTo(p - (high - low), 9);
      expect(out.r3[i]).toBeCloseTo(high + 2 * (p - low), 9);
      expect(out.s3[i]).toBeCloseTo(low - 2 * (high - p), 9);
    }
    expect(out.s1[24]!).toBeLessThan(out.pivot[24]!);
    expect(out.pivot[24]!).toBeLessThan(out.r1[24]!);
  });

  it("switches to 2 January's levels at 00:00 on 3 January", () => {
    const { high, low, close } = dayHLC(24);
    expect(out.pivot[48]).toBeCloseTo((high + low + close) / 3, 9);
    expect(out.pivot[48]).not.toBe(out.pivot[47]);
  });

  it("ignores a day the data joined after 00:00", () => {
    const late = runNode(pivotPointsNode, {}, { candles: sliceCandles(full, 3, 72) }).out.pivot;
    for (let i = 0; i < 45; i++) expect(late[i]).toBeNaN();
    expect(late[45]).toBe(out.pivot[48]);
  });
});
