import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { runNode, sliceCandles } from "../../../testing/run-node.ts";
import { fallingNode } from "./definition.ts";

const c = sliceCandles(loadBundledCandles("binance_SOLUSDT_1h.csv.gz"), 20_000, 21_000);

describe("falling for n bars", () => {
  it("is true when each of the last 2 closes is below the one before", () => {
    const out = runNode(fallingNode, { bars: 2 }, { source: c.close }).out.result;
    let hits = 0;
    for (let i = 2; i < 1000; i++) {
      const expected = c.close[i]! < c.close[i - 1]! && c.close[i - 1]! < c.close[i - 2]!;
      expect(out[i]).toBe(expected ? 1 : 0);
      if (expected) hits++;
    }
    expect(hits).toBeGreaterThan(100);
  });

  it("restarts the count after a not-ready value", () => {
    const source = c.close.slice(0, 10);
    source[4] = Number.NaN;
    const out = runNode(fallingNode, { bars: 2 }, { source }).out.result;
    expect([out[4], out[5], out[6]].map(Number.isNaN)).toEqual([true, true, true]);
    expect(Number.isNaN(out[7]!)).toBe(false);
  });
});
