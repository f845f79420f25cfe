import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { runNode, sliceCandles } from "../../../testing/run-node.ts";
import { lagNode } from "./definition.ts";

const c = sliceCandles(loadBundledCandles("binance_DOGEUSDT_1h.csv.gz"), 10_000, 10_400);

describe("lag", () => {
  it("returns the value n bars ago, not ready for the first n bars", () => {
    const out = runNode(lagNode, { bars: 5 }, { source: c.close }).out.value;
    for (let i = 0; i < 5; i++) expect(out[i]).toBeNaN();
    for (let i = 5; i < 400; i++) expect(out[i]).toBe(c.close[i - 5]);
  });
});
