import { describe, expect, it } from "vitest";
import { loadBundledCandles, runNode, sliceCandles } from "../../../testing/run-node.ts";
import { atrNode } from "../atr/definition.ts";
import { supertrendNode } from "./definition.ts";

const candles = sliceCandles(loadBundledCandles("binance_BTCUSDT_1h.csv.gz"), 0, 3000);

/** The textbook (TradingView) Supertrend written as plain array code, from an ATR column. */
function supertrendByHand(atr: Float64Array, multiplier: number) {
  const n = atr.length;
  const line = new Float64Array(n).fill(Number.NaN);
  const direction = new Float64Array(n).fill(Number.NaN);
  let upper = Number.NaN;
  let lower = Number.NaN;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(atr[i]!)) continue;
    const hl2 = (candles.high[i]! + candles.low[i]!) / 2;
    const bu = hl2 + multiplier * atr[i]!;
    const bl = hl2 - multiplier * atr[i]!;
    if (Number.isNaN(direction[i - 1] ?? Number.NaN)) {
      upper = bu;
      lower = bl;
      direction[i] = -1;
    } else {
      const prevClose = candles.close[i - 1]!;
      const newUpper = bu < upper || prevClose > upper ? bu : upper;
      const newLower = bl > lower || prevClose < lower ? bl : lower;
      const prev = direction[i - 1]!;
      direction[i] =
        prev === -1 ? (candles.close[i]! > newUpper ? 1 : -1) : candles.close[i]! < newLower ? -1 : 1;
      upper = newUpper;
      lower = newLower;
    }
    line[i] = direction[i] === 1 ? lower : upper;
  }
  return { line, direction };
}

describe("Supertrend", () => {
  const { out } = runNode(supertrendNode, { period: 10, multiplier: 3 }, { candles });
  const atr = runNode(atrNode, { period: 10 }, { candles }).out.value;
  const expected = supertrendByHand(atr, 3);

  it("matches the textbook bands-and-flip rules on 3,000 real BTC hours", () => {
    expect(out.value[9]).toBeNaN();
    expect(out.value[10]).not.toBeNaN();
    for (let i = 0; i < candles.close.length; i++) {
      expect(out.value[i]).toBe(expected.line[i]);
      expect(out.direction[i]).toBe(expected.direction[i]);
    }
  });

  it("sits below the close in an uptrend and above it in a downtrend, and flips both ways", () => {
    let flips = 0;
    for (let i = 11; i < candles.close.length; i++) {
      if (out.direction[i] === 1) expect(out.value[i]!).toBeLessThanOrEqual(candles.close[i]!);
      else expect(out.value[i]!).toBeGreaterThanOrEqual(candles.close[i]!);
      expect(out.isUptrend[i]).toBe(out.direction[i] === 1 ? 1 : 0);
      if (out.direction[i] !== out.direction[i - 1]) flips++;
    }
    expect(flips).toBeGreaterThan(20);
  });
});
