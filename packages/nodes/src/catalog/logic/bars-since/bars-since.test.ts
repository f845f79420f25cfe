import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { runNode, sliceCandles } from "../../../testing/run-node.ts";
import { barsSinceNode } from "./definition.ts";

const c = sliceCandles(loadBundledCandles("binance_AVAXUSDT_1h.csv.gz"), 20_000, 21_000);
// A "big green bar": close more than 2% above open.
const big = c.close.map((x, i) => (x > c.open[i]! * 1.02 ? 1 : 0));

describe("bars since", () => {
  it("counts bars since the condition was last true, not ready before the first time", () => {
    const out = runNode(barsSinceNode, {}, { condition: big }).out.bars;
    let last = -1;
    for (let i = 0; i < 1000; i++) {
      if (big[i] === 1) last = i;
      if (last < 0) expect(out[i]).toBeNaN();
      else expect(out[i]).toBe(i - last);
    }
    expect(last).toBeGreaterThan(0);
  });
});
