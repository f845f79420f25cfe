import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { runNode, sliceCandles } from "../../../testing/run-node.ts";
import { crossOverNode } from "./definition.ts";

const c = sliceCandles(loadBundledCandles("binance_ETHUSDT_1h.csv.gz"), 60_000, 61_000);
const lagged = c.close.map((_, i) => (i < 12 ? Number.NaN : c.close[i - 12]!));

describe("cross over", () => {
  it("is true exactly where close moves above its value 12 bars ago", () => {
    const out = runNode(crossOverNode, {}, { a: c.close, b: lagged }).out.crossed;
    let crosses = 0;
    for (let i = 0; i < 1000; i++) {
      if (i < 13) {
        expect(out[i]).toBeNaN();
        continue;
      }
      const expected = c.close[i]! > lagged[i]! && c.close[i - 1]! <= lagged[i - 1]!;
      expect(out[i]).toBe(expected ? 1 : 0);
      if (expected) crosses++;
    }
    expect(crosses).toBeGreaterThan(20);
  });

  it("crosses a fixed level", () => {
    const level = c.close[500]!;
    const out = runNode(crossOverNode, { value: level }, { a: c.close }).out.crossed;
    for (let i = 1; i < 1000; i++)
      expect(out[i]).toBe(c.close[i]! > level && c.close[i - 1]! <= level ? 1 : 0);
  });
});
