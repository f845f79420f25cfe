import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { runNode, sliceCandles } from "../../../testing/run-node.ts";
import { risingNode } from "./definition.ts";

const c = sliceCandles(loadBundledCandles("binance_SOLUSDT_1h.csv.gz"), 20_000, 21_000);

describe("rising for n bars", () => {
  it("is true when each of the last 3 closes is above the one before", () => {
    const out = runNode(risingNode, { bars: 3 }, { source: c.close }).out.result;
    for (let i = 0; i < 3; i++) expect(out[i]).toBeNaN();
    let hits = 0;
    for (let i = 3; i < 1000; i++) {
      const expected =
        c.close[i]! > c.close[i - 1]! &&
        c.close[i - 1]! > c.close[i - 2]! &&
        c.close[i - 2]! > c.close[i - 3]!;
      expect(out[i]).toBe(expected ? 1 : 0);
      if (expected) hits++;
    }
    expect(hits).toBeGreaterThan(30);
  });
});
