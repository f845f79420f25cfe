import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { runNode, sliceCandles } from "../../../testing/run-node.ts";
import { crossUnderNode } from "./definition.ts";

const c = sliceCandles(loadBundledCandles("binance_ETHUSDT_1h.csv.gz"), 60_000, 61_000);

describe("cross under", () => {
  it("is true on the first red candle after a green or flat one (close crosses under open)", () => {
    const out = runNode(crossUnderNode, {}, { a: c.close, b: c.open }).out.crossed;
    expect(out[0]).toBeNaN();
    let crosses = 0;
    for (let i = 1; i < 1000; i++) {
      const expected = c.close[i]! < c.open[i]! && c.close[i - 1]! >= c.open[i - 1]!;
      expect(out[i]).toBe(expected ? 1 : 0);
      if (expected) crosses++;
    }
    expect(crosses).toBeGreaterThan(100);
  });
});
