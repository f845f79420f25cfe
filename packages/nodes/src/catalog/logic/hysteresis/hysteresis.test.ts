import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { runNode, sliceCandles } from "../../../testing/run-node.ts";
import { hysteresisNode } from "./definition.ts";

const c = sliceCandles(loadBundledCandles("binance_BTCUSDT_1h.csv.gz"), 72_000, 72_800);

describe("hysteresis threshold", () => {
  it("turns on at the upper level and off only at the lower level", () => {
    // The bar's own return in %, which swings both ways.
    const move = c.close.map((x, i) => (x / c.open[i]! - 1) * 100);
    const upper = 0.3;
    const lower = -0.3;
    const out = runNode(hysteresisNode, { upper, lower }, { source: move }).out.active;
    let state = Number.NaN;
    let switches = 0;
    for (let i = 0; i < 800; i++) {
      const x = move[i]!;
      const before = state;
      if (x >= upper) state = 1;
      else if (x <= lower) state = 0;
      if (!Number.isNaN(before) && before !== state) switches++;
      expect(Object.is(out[i], state), `bar ${i}`).toBe(true);
    }
    expect(switches).toBeGreaterThan(20);
  });

  it("rejects a lower level above the upper one", () => {
    expect(hysteresisNode.checkWiring!({ upper: 30, lower: 70 }, new Set())).toEqual([
      expect.objectContaining({ param: "lower" }),
    ]);
  });
});
