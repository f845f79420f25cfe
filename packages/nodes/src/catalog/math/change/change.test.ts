import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { runNode, sliceCandles } from "../../../testing/run-node.ts";
import { changeNode } from "./definition.ts";

const c = sliceCandles(loadBundledCandles("binance_LINKUSDT_1h.csv.gz"), 10_000, 10_400);

describe("change", () => {
  it("is x − x n bars ago", () => {
    const out = runNode(changeNode, { bars: 10 }, { source: c.close }).out.value;
    expect(out[9]).toBeNaN();
    for (let i = 10; i < 400; i++) expect(out[i]).toBe(c.close[i]! - c.close[i - 10]!);
  });
});
