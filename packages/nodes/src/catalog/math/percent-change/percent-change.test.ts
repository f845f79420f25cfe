import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { runNode, sliceCandles } from "../../../testing/run-node.ts";
import { percentChangeNode } from "./definition.ts";

const c = sliceCandles(loadBundledCandles("binance_XRPUSDT_1h.csv.gz"), 10_000, 10_400);

describe("percent change", () => {
  it("is (x ÷ x n bars ago − 1) × 100", () => {
    const out = runNode(percentChangeNode, { bars: 24 }, { source: c.close }).out.value;
    expect(out[23]).toBeNaN();
    for (let i = 24; i < 400; i++) expect(out[i]).toBe((c.close[i]! / c.close[i - 24]! - 1) * 100);
  });

  it("is not ready when the old value is zero (volume of a real exchange-halt candle)", () => {
    const btc = loadBundledCandles("binance_BTCUSDT_1h.csv.gz");
    const halt = btc.volume.indexOf(0);
    expect(halt).toBeGreaterThan(0);
    const volume = btc.volume.slice(halt - 1, halt + 3);
    const out = runNode(percentChangeNode, { bars: 1 }, { source: volume }).out.value;
    expect(Array.from(out)).toEqual([Number.NaN, -100, Number.NaN, (volume[3]! / volume[2]! - 1) * 100]);
  });
});
